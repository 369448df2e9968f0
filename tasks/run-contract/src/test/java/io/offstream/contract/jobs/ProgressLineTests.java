package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTests {

    @Test
    void aPrintedLineReadsBackEvenInsideALogLine() {
        String printed = new ProgressLine(1_234, 5_000).format();
        assertThat(ProgressLine.parse(printed)).contains(new ProgressLine(1_234, 5_000));
        assertThat(ProgressLine.parse("12:00:01 INFO [flink] " + new ProgressLine(7, -1).format())).contains(new ProgressLine(7, -1));
    }

    @Test
    void otherLinesAreNotProgress() {
        assertThat(ProgressLine.parse("Flink egress job landed 10 rows")).isEmpty();
        assertThat(ProgressLine.parse("[offstream-progress] done=abc")).isEmpty();
        assertThat(ProgressLine.parse(null)).isEmpty();
    }
}
