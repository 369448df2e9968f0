package io.offstream.tests.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.platform.LocalPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault (i) of the fault matrix: the service consumer killed (SIGKILL) three times during one run, each
 * time once its new process has written results, and restarted: the run still validates, nothing lands twice.
 */
class ConsumerCrashIntegrationTests extends PipelineIntegrationTestSupport {

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    /** Slow enough that three kills and restarts fall within the run's work (30,000 calls: 7.5 s at full pace). */
    @Override
    List<String> consumerArguments() {
        return List.of("--offstream.consumer.rate-limit=4000");
    }

    @Test
    void killingTheConsumerThreeTimesMidRunStillValidatesWithNoDuplicateLanded() throws Exception {
        LocalDate from = LocalDate.of(2026, 4, 1);
        Path dataset = sampleWarehouse(from, 3, 10_000);
        for (int run = 0; run < FaultMatrix.repetitions(); run++) {
            faultedRun(dataset, from);
        }
    }

    private void faultedRun(Path dataset, LocalDate from) throws Exception {
        String runKey = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        long runner = launchRun(runKey, dataset, from, from.plusDays(2));
        for (int kill = 0; kill < 3; kill++) {
            awaitConsumerWorking(runKey);
            consumer.kill();
            Thread.sleep(1_000);
            startConsumer();
        }
        JsonNode end = dataflow.awaitTaskEnd(runner, RUN_TIMEOUT);

        assertThat(end.path("exitCode").asInt()).as("offstream-run %s", end).isZero();
        JsonNode report = report(runKey);
        FaultMatrix.record("(i) consumer SIGKILLed three times", report);
        assertThat(report.path("passed").asBoolean()).as("report %s", report).isTrue();
        List<String> landed = landedKeys(runKey);
        assertThat(new HashSet<>(landed)).as("no key landed twice").hasSameSizeAs(landed);
    }

    /** Waits until the consumer has produced its first results (the run's ingress is the only work it has). */
    private void awaitConsumerWorking(String runKey) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean working = scrape().lines()
                    .filter(line -> line.startsWith("offstream_consumer_records_out_total"))
                    .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0);
            if (working) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The consumer never started on run " + runKey);
    }

    private String scrape() {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + consumerPort + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
        catch (Exception e) {
            return "";
        }
    }
}
