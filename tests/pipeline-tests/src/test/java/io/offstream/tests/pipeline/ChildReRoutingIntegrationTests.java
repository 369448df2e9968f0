package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.DispatchState;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.Await;

/**
 * A region that loses a running child: the child's processes are killed outright (as a lost node
 * would take them), so nothing records their end and SCDF shows the execution running for ever.
 * The platform's launcher knows the process is gone; the dispatcher re-routes the child to the
 * next region with headroom, where it passes. And the dispatcher itself dying between SCDF's
 * answer to a launch and its ledger write: the next dispatcher adopts the running child instead of
 * launching it twice.
 */
class ChildReRoutingIntegrationTests extends MultiRegionIntegrationTestSupport {

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    @Test
    void aChildWhoseProcessesAreKilledIsReRoutedToTheNextRegion() throws Exception {
        onlyRegions("region-a", "region-b"); // headroom 3 and 2: the child goes to region-a
        String template = probeChildDefinition();
        Path hold = Files.createFile(scratch.resolve("hold"));
        String runKey = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        String child = runKey + "-c1of1";

        List<String> arguments = probeDispatchArguments(runKey, template, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 1,
                Map.of("hold-file", hold));
        long dispatch = dataflow.launchTask(multiRegionDefinition(), Map.of(), arguments);

        Await.until(Duration.ofMinutes(3), () -> childDispatch(runKey, child)
                .filter(d -> d.state() == DispatchState.LAUNCHED).isPresent());
        assertThat(childDispatch(runKey, child).orElseThrow().region()).isEqualTo("region-a");
        long runner = ((Number) ledgerChildren(runKey).get(0).get("TASK_EXECUTION_ID")).longValue();
        String runnerArgument = "--spring.cloud.task.executionid=" + runner;
        String childArgument = "--spring.cloud.task.parent-execution-id=" + runner;
        Await.until(Duration.ofMinutes(2), () -> processWith(childArgument).isPresent());

        // region-a loses the child: its composed runner and the probe it runs die without a word
        processWith(childArgument).orElseThrow().destroyForcibly();
        processWith(runnerArgument).orElseThrow().destroyForcibly();

        Await.until(Duration.ofMinutes(2), () -> childDispatch(runKey, child)
                .filter(d -> "region-b".equals(d.region()) && d.state() == DispatchState.LAUNCHED).isPresent());
        // the killed runner never records its end: the server records it lost, once its process has been gone a while
        JsonNode lost = dataflow.awaitTaskEnd(runner, Duration.ofMinutes(1));
        assertThat(lost.path("exitCode").asInt()).as("killed runner %s", lost).isEqualTo(255);
        assertThat(lost.path("exitMessage").asText()).isEqualTo("LOST");
        Files.delete(hold);
        JsonNode end = dataflow.awaitTaskEnd(dispatch, Duration.ofMinutes(5));

        assertThat(end.path("exitCode").asInt()).as("dispatch ended with %s; its ledger events: %s", end.path("exitCode"),
                ledgerEvents(runKey)).isZero();
        Dispatch rerouted = childDispatch(runKey, child).orElseThrow();
        assertThat(rerouted.state()).isEqualTo(DispatchState.DONE);
        assertThat(rerouted.region()).isEqualTo("region-b");
        assertThat(rerouted.avoidRegions()).containsExactly("region-a");
        Map<String, Object> row = ledgerChildren(runKey).get(0);
        assertThat(row).containsEntry("STATUS", "PASSED").containsEntry("REGION", "region-b").containsEntry("ATTEMPTS", 2);
        // whichever saw it first: the dispatcher the process gone, or the server's LOST end
        assertThat(ledgerEvents(runKey)).anyMatch(event -> event.contains("re-routed away from region region-a")
                && (event.contains("lost its process") || event.contains("(LOST)")));
    }

    @Test
    void aDispatcherThatDiesMidLaunchAdoptsTheRunningChildInsteadOfLaunchingItTwice() throws Exception {
        onlyRegions("region-a", "region-b");
        String template = probeChildDefinition();
        Path hold = Files.createFile(scratch.resolve("hold"));
        Path records = Files.createDirectories(scratch.resolve("records"));
        String runKey = "adopt-" + UUID.randomUUID().toString().substring(0, 8);
        String child = runKey + "-c1of1";
        List<String> arguments = probeDispatchArguments(runKey, template, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 1,
                Map.of("hold-file", hold, "record-dir", records));
        String definition = multiRegionDefinition();
        long first = dataflow.launchTask(definition, Map.of(), arguments);
        Await.until(Duration.ofMinutes(3), () -> childDispatch(runKey, child)
                .filter(d -> d.state() == DispatchState.LAUNCHED).isPresent());
        long runner = ((Number) ledgerChildren(runKey).get(0).get("TASK_EXECUTION_ID")).longValue();

        // the dispatcher dies, leaving the ledger as if SCDF had answered the launch and the ledger had not heard
        processWith("--spring.cloud.task.executionid=" + first).orElseThrow().destroyForcibly();
        ledgerUpdate("UPDATE OFFSTREAM_DISPATCH_CHILD SET STATUS = 'LAUNCHING', TASK_EXECUTION_ID = NULL WHERE RUN_KEY = ?", runKey);

        long second = dataflow.launchTask(definition, Map.of(), arguments);
        Await.until(Duration.ofMinutes(2), () -> {
            try {
                return "LAUNCHED".equals(ledgerChildren(runKey).get(0).get("STATUS"));
            }
            catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
        Files.delete(hold);
        JsonNode end = dataflow.awaitTaskEnd(second, Duration.ofMinutes(5));

        assertThat(end.path("exitCode").asInt()).as("second dispatcher %s", end).isZero();
        Map<String, Object> row = ledgerChildren(runKey).get(0);
        assertThat(row).containsEntry("STATUS", "PASSED").containsEntry("ATTEMPTS", 1);
        assertThat(((Number) row.get("TASK_EXECUTION_ID")).longValue()).as("the running child adopted").isEqualTo(runner);
        try (var files = Files.list(records)) {
            assertThat(files.count()).as("one composed run of two probes, not two").isEqualTo(2);
        }
        assertThat(childDispatch(runKey, child).orElseThrow().state()).isEqualTo(DispatchState.DONE);
    }

    /** The live process that has this exact argument on its command line. */
    private static Optional<ProcessHandle> processWith(String argument) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(argument)).orElse(false))
                .findFirst();
    }
}
