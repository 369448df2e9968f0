package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.DispatchState;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.Await;

/**
 * The dispatcher's queue and restart, with probe children (seconds each, no data): one region
 * with room for one child at a time, so the second child waits in the registry's queue until the
 * first ends; the second fails, and SCDF's restart of the dispatch retries it without launching
 * the child that passed again.
 */
class DispatchQueueAndRestartIntegrationTests extends MultiRegionIntegrationTestSupport {

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    @Test
    void aChildWaitsForRoomAndARestartRetriesOnlyTheChildThatFailed() throws Exception {
        onlyRegions("region-b"); // 2 task slots: one composed child (runner + one probe) at a time
        String template = probeChildDefinition();
        Path hold = Files.createFile(scratch.resolve("hold"));
        Path failMarkers = Files.createDirectories(scratch.resolve("fail"));
        Path records = Files.createDirectories(scratch.resolve("records"));
        String runKey = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        Files.createFile(failMarkers.resolve(runKey + "-c2of2"));

        String definition = multiRegionDefinition();
        List<String> arguments = probeDispatchArguments(runKey, template, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 4), 2,
                Map.of("hold-file", hold, "fail-marker-dir", failMarkers, "record-dir", records));
        long dispatch = dataflow.launchTask(definition, Map.of(), arguments);

        // the first child runs on region-b and fills it; the second waits in the queue
        Await.until(Duration.ofMinutes(3), () -> childDispatch(runKey, runKey + "-c1of2")
                .filter(d -> d.state() == DispatchState.LAUNCHED).isPresent());
        Thread.sleep(3_000);
        Dispatch waiting = dispatchOf(runKey, "-c2of2");
        assertThat(waiting.isQueued()).as("second child %s", waiting).isTrue();
        assertThat(registry.region("region-b").headroom()).isZero();

        // the first ends: its room goes to the second, which then fails (its marker)
        Files.delete(hold);
        JsonNode failed = dataflow.awaitTaskEnd(dispatch, Duration.ofMinutes(5));
        assertThat(failed.path("exitCode").asInt()).as("dispatch %s", failed).isNotZero();
        assertThat(dispatchOf(runKey, "-c1of2").state()).isEqualTo(DispatchState.DONE);
        Dispatch second = dispatchOf(runKey, "-c2of2");
        assertThat(second.state()).isEqualTo(DispatchState.FAILED);
        assertThat(second.region()).isEqualTo("region-b");
        assertThat(ledgerDispatch(runKey)).containsEntry("STATUS", "FAILED");
        assertThat(recordsOf(records, runKey + "-c1of2")).hasSize(2);
        assertThat(recordsOf(records, runKey + "-c2of2")).hasSize(1);

        // restart the dispatch's job through SCDF: only the failed child runs again
        Files.delete(failMarkers.resolve(runKey + "-c2of2"));
        long job = dataflow.jobExecutionsOf(failed).get(0).path("executionId").asLong();
        dataflow.send("PUT", "/jobs/executions/" + job + "?restart=true", Map.of());
        long restarted = awaitNewExecution(definition, dispatch);
        JsonNode passed = dataflow.awaitTaskEnd(restarted, Duration.ofMinutes(5));

        assertThat(passed.path("exitCode").asInt()).as("restarted dispatch %s", passed).isZero();
        assertThat(recordsOf(records, runKey + "-c1of2")).as("the child that passed is not launched again").hasSize(2);
        assertThat(recordsOf(records, runKey + "-c2of2")).hasSize(3);
        assertThat(dispatchOf(runKey, "-c2of2").state()).isEqualTo(DispatchState.DONE);
        assertThat(ledgerDispatch(runKey)).containsEntry("STATUS", "PASSED");
        assertThat(ledgerChildren(runKey)).extracting(row -> row.get("STATUS")).containsExactly("PASSED", "PASSED");
        assertThat(ledgerEvents(runKey)).anyMatch(event -> event.contains("retried"));
    }

    private Dispatch dispatchOf(String runKey, String childSuffix) {
        return childDispatch(runKey, runKey + childSuffix)
                .orElseThrow(() -> new AssertionError("no dispatch " + runKey + childSuffix + " in " + registry.dispatches(runKey)));
    }

    /** The probe records (one per probe task run) of a child run key. */
    private static List<Properties> recordsOf(Path records, String childRunKey) throws Exception {
        List<Properties> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.toList()) {
                Properties record = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    record.load(in);
                }
                if (childRunKey.equals(record.getProperty("offstream.run.key"))) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    private long awaitNewExecution(String definition, long before) {
        long[] found = {0};
        Await.until(Duration.ofMinutes(2), () -> {
            for (JsonNode execution : dataflow.get("/tasks/executions?size=1000").at("/_embedded/taskExecutionResourceList")) {
                if (execution.path("taskName").asText().equals(definition) && execution.path("executionId").asLong() > before) {
                    found[0] = execution.path("executionId").asLong();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
