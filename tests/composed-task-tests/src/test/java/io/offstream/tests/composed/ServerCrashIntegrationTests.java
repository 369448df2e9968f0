package io.offstream.tests.composed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.process.Await;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault (f) of the reliability matrix: the SCDF server SIGKILLed while a composed task runs, then
 * started again. Its tasks live on; the new server instance's launcher does not know them, finds
 * them on the host, and does not record them lost. The run then finishes, or fails and a restart
 * finishes it, with no child launched again while its first run lived or after it succeeded.
 */
class ServerCrashIntegrationTests extends ComposedTaskIntegrationTestSupport {

    /** Longer than the test server's lost-execution grace (6 s) and a few of its sweeps (2 s). */
    private static final Duration PAST_LOST_GRACE = Duration.ofSeconds(12);

    @Test
    void aServerKilledMidComposedTaskComesBackAndTheRunFinishesOrIsRestartedWithNothingLaunchedTwice() throws IOException, InterruptedException {
        Path hold = Files.createFile(scratch.resolve("hold-b"));
        String name = createComposed("server-kill", "a: probe && b: probe --probe.hold-file=" + hold + " && c: probe");
        long runner = launch(name, recording(), List.of());
        long b = awaitChildStarted(name, "b").path("executionId").asLong();
        // b holds in its step: past its start-up, which needs the database the server's death takes down a while
        JsonNode[] seen = new JsonNode[1];
        try {
            Await.until(Duration.ofMinutes(1), () -> !(seen[0] = dataflow.taskExecution(b)).path("jobExecutionIds").isEmpty());
        }
        catch (AssertionError notStarted) {
            throw new AssertionError("child b never started its job: " + seen[0], notStarted);
        }

        platform.dataflowServer().killAndRestart();

        // the new server finds what the killed one launched on the host, and leaves it running
        for (long execution : List.of(runner, b)) {
            JsonNode process = process(execution);
            assertThat(process.path("state").asText()).as("process of %s", process).isEqualTo("running");
            assertThat(process.path("source").asText()).isEqualTo("host");
        }
        Thread.sleep(PAST_LOST_GRACE.toMillis());
        assertThat(dataflow.taskExecution(runner).path("endTime").isNull()).as("the live runner is not recorded lost").isTrue();
        assertThat(dataflow.taskExecution(b).path("endTime").isNull()).as("the live child is not recorded lost").isTrue();

        Files.delete(hold);
        JsonNode ended = awaitEnd(runner);
        if (ended.path("exitCode").asInt() != 0) {
            // With the embedded H2, the database is served by the server and died with it: a task in a
            // transaction then (b, holding in its step) fails, and so does the runner. Restartable.
            JsonNode job = onlyJobOf(ended);
            assertThat(job.at("/jobExecution/status").asText()).as("runner %s", ended).isEqualTo("FAILED");
            dataflow.send("PUT", "/jobs/executions/" + job.path("executionId").asLong() + "?restart=true", Map.of());
            ended = awaitEnd(dataflow.awaitNewerExecution(name, runner, RUN_TIMEOUT));
        }

        assertThat(ended.path("exitCode").asInt()).as("runner %s", ended).isZero();
        assertThat(onlyJobOf(ended).at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
        assertThat(executionsOf(name, "a")).as("a is not run again").hasSize(1);
        assertThat(executionsOf(name, "c")).as("c is launched once, through the new server").hasSize(1);
        List<JsonNode> bRuns = executionsOf(name, "b");
        assertThat(bRuns.size()).as("b runs %s", bRuns).isBetween(1, 2);
        if (bRuns.size() == 2) {
            assertThat(bRuns.get(0).path("exitCode").asInt()).as("b's first run %s", bRuns.get(0)).isNotZero();
            assertThat(startOf(bRuns.get(1))).as("b launched again only after its first run ended")
                    .isAfterOrEqualTo(endOf(bRuns.get(0)));
        }
    }

    private JsonNode process(long execution) {
        return dataflow.get("/offstream/tasks/executions/" + execution + "/process");
    }
}
