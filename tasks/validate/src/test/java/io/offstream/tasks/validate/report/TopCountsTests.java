package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.offstream.contract.naming.RunHeaders;

/** Counting by label in bounded memory, and the DLQ's records by their error headers. */
class TopCountsTests {

    @Test
    void keepsAtMostItsCapacityOfLabelsAndCountsTheRestAsOther() {
        TopCounts counts = new TopCounts(2);
        counts.add("a", 1);
        counts.add("b", 5);
        counts.add("c", 7);
        counts.add("a", 2);

        assertThat(counts.top(10)).containsExactly(Map.entry("b", 5L), Map.entry("a", 3L), Map.entry("other", 7L));
        assertThat(counts.top(1)).containsExactly(Map.entry("b", 5L), Map.entry("other", 10L));
        assertThat(counts.total()).isEqualTo(15);
    }

    @Test
    void countsDeadLettersByErrorClassWithTheFirstMessageOfEach() {
        DeadLetterErrors errors = new DeadLetterErrors();
        errors.add(headers("java.io.IOException", "first"));
        errors.add(headers("java.io.IOException", "second"));
        errors.add(new RecordHeaders());
        errors.add(headers("x.Y", "m".repeat(DeadLetterErrors.MESSAGE_LENGTH + 10)));

        assertThat(errors.counts().top(20)).containsExactly(Map.entry("java.io.IOException", 2L), Map.entry(DeadLetterErrors.UNKNOWN, 1L),
                Map.entry("x.Y", 1L));
        assertThat(errors.example("java.io.IOException")).isEqualTo(new DeadLetterErrors.Example("service", "first"));
        assertThat(errors.example("x.Y").message()).hasSize(DeadLetterErrors.MESSAGE_LENGTH + 1);
    }

    private static RecordHeaders headers(String error, String message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(RunHeaders.ERROR_CLASS, error.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(RunHeaders.ERROR_MESSAGE, message.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(RunHeaders.ERROR_STAGE, "service".getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
