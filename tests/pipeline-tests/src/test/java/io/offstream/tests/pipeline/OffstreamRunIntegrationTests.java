package io.offstream.tests.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.platform.LocalPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/** offstream-run of the sample risk service end to end: 15,000 warehouse rows in, one landed row per accepted key out, validated. */
class OffstreamRunIntegrationTests extends PipelineIntegrationTestSupport {

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    @Test
    void aRunLandsOneRowPerAcceptedKeyAndValidates() throws Exception {
        LocalDate from = LocalDate.of(2026, 3, 1);
        Path dataset = sampleWarehouse(from, 3, 5_000);
        String runKey = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

        long runner = launchRun(runKey, dataset, from, from.plusDays(2));
        JsonNode end = dataflow.awaitTaskEnd(runner, RUN_TIMEOUT);

        assertThat(end.path("exitCode").asInt()).as("offstream-run %s", end).isZero();
        JsonNode report = report(runKey);
        assertThat(report.path("passed").asBoolean()).as("report %s", report).isTrue();
        assertThat(report.path("sourceRows").asLong()).isEqualTo(15_000);
        List<String> landed = landedKeys(runKey);
        Set<String> distinct = new HashSet<>(landed);
        assertThat(landed).as("no key landed twice").hasSameSizeAs(distinct);
        Set<String> expected = expectedAcceptedKeys(dataset);
        assertThat(distinct).isSubsetOf(expected);
        assertThat(distinct.size() + report.path("deadLettered").asLong()).isEqualTo(expected.size());
    }
}
