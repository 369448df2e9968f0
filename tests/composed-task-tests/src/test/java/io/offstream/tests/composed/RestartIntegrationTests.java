package io.offstream.tests.composed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.platform.DataFlowServerProcess;
import io.offstream.testsupport.process.ProcFiles;

import static org.assertj.core.api.Assertions.assertThat;

class RestartIntegrationTests extends ComposedTaskIntegrationTestSupport {

    @Test
    void restartAfterAFailureRerunsOnlyTheFailedChildWithItsOriginalArguments() throws IOException {
        Path failMarker = Files.createFile(scratch.resolve("fail-b"));
        String name = createComposed("restart", "a: probe && b: probe --probe.fail-marker=" + failMarker + " && c: probe");
        long runner = launch(name, recording(), List.of("--app.b.0=--probe.argument=original"));
        JsonNode failed = awaitEnd(runner);
        assertThat(failed.path("exitCode").asInt()).isNotZero();
        long jobExecutionId = onlyJobOf(failed).path("executionId").asLong();

        Files.delete(failMarker);
        dataflow.send("PUT", "/jobs/executions/" + jobExecutionId + "?restart=true", Map.of());
        JsonNode restarted = awaitRestartedRunner(name, runner);

        assertThat(restarted.path("exitCode").asInt()).as("restarted runner %s", restarted).isZero();
        assertThat(executionsOf(name, "a")).hasSize(1);
        List<JsonNode> bRuns = executionsOf(name, "b");
        assertThat(bRuns).hasSize(2);
        assertThat(recordOf(bRuns.get(1))).containsEntry("probe.argument", "original");
        assertThat(executionsOf(name, "c")).hasSize(1);
        JsonNode job = onlyJobOf(restarted);
        assertThat(job.at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("jobId").asLong()).as("same job instance").isEqualTo(onlyJobOf(failed).path("jobId").asLong());
        assertJobExecutionsInServerDatabase(job.path("jobId").asLong(), 2);
    }

    /**
     * The job's executions are rows of the server's own database: PostgreSQL in this module (its pom
     * sets offstream.it.database), so the runner's job repository and SCDF's restart work there.
     */
    private void assertJobExecutionsInServerDatabase(long jobInstanceId, int executions) {
        try (Connection db = platform.dataflowServer().openDatabase();
                PreparedStatement count = db.prepareStatement("select count(*) from batch_job_execution where job_instance_id = ?")) {
            assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo(System.getProperty(DataFlowServerProcess.DATABASE, "h2")
                    .equals("postgresql") ? "PostgreSQL" : "H2");
            count.setLong(1, jobInstanceId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("executions of job instance %s", jobInstanceId).isEqualTo(executions);
            }
        }
        catch (SQLException e) {
            throw new AssertionError("Reading the server's database failed: " + e, e);
        }
    }

    @Test
    void restartAfterAStopResumesAtTheChildThatWasRunning() throws IOException {
        Path hold = Files.createFile(scratch.resolve("hold-b"));
        String name = createComposed("stop", "a: probe && b: probe --probe.hold-file=" + hold + " && c: probe");
        long runner = launch(name, recording(), List.of());
        JsonNode bRunning = awaitChildStarted(name, "b");

        dataflow.send("POST", "/tasks/executions/" + runner, Map.of());
        JsonNode stopped = awaitEnd(runner);
        assertThat(stopped.path("exitCode").asInt()).as("stopped runner %s", stopped).isNotZero();
        assertThat(executionsOf(name, "c")).isEmpty();
        JsonNode stoppedJob = onlyJobOf(stopped);
        assertThat(stoppedJob.at("/jobExecution/status").asText()).isIn("STOPPED", "FAILED");

        Files.delete(hold);
        dataflow.awaitTaskEnd(bRunning.path("executionId").asLong(), RUN_TIMEOUT);
        dataflow.send("PUT", "/jobs/executions/" + stoppedJob.path("executionId").asLong() + "?restart=true", Map.of());
        JsonNode restarted = awaitRestartedRunner(name, runner);

        assertThat(restarted.path("exitCode").asInt()).as("restarted runner %s", restarted).isZero();
        assertThat(executionsOf(name, "a")).as("a is not run again").hasSize(1);
        assertThat(executionsOf(name, "c")).hasSize(1);
        assertThat(onlyJobOf(restarted).at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aRunnerKilledFromOutsideIsRecordedLostAndItsRestartDoesNotLaunchTheChildItLeftRunningAgain() throws IOException {
        Path hold = Files.createFile(scratch.resolve("hold-b"));
        String name = createComposed("killed", "a: probe && b: probe --probe.hold-file=" + hold + " && c: probe");
        long runner = launch(name, recording(), List.of());
        long b = awaitChildStarted(name, "b").path("executionId").asLong();

        List<ProcessHandle> runnerProcesses = processesOf(runner);
        assertThat(runnerProcesses).as("processes of runner execution %s", runner).isNotEmpty();
        runnerProcesses.forEach(ProcessHandle::destroyForcibly);
        // nothing records the runner's end but the server, once it has seen the process gone for its grace
        JsonNode lost = awaitEnd(runner);
        assertThat(lost.path("exitCode").asInt()).as("runner %s", lost).isEqualTo(255);
        assertThat(lost.path("exitMessage").asText()).isEqualTo("LOST");
        assertThat(lost.path("errorMessage").asText()).contains("killed from outside");
        JsonNode lostJob = onlyJobOf(lost);
        assertThat(lostJob.at("/jobExecution/status").asText()).isEqualTo("FAILED");
        assertThat(dataflow.taskExecution(b).path("endTime").isNull()).as("b, whose process lives, is not recorded lost").isTrue();

        dataflow.send("PUT", "/jobs/executions/" + lostJob.path("executionId").asLong() + "?restart=true", Map.of());
        long restartedRunner = dataflow.awaitNewerExecution(name, runner, RUN_TIMEOUT);
        Files.delete(hold);
        JsonNode restarted = awaitEnd(restartedRunner);

        assertThat(restarted.path("exitCode").asInt()).as("restarted runner %s", restarted).isZero();
        assertThat(executionsOf(name, "a")).as("a is not run again").hasSize(1);
        assertThat(executionsOf(name, "b")).as("b is followed, not launched again").hasSize(1);
        assertThat(executionsOf(name, "c")).hasSize(1);
        JsonNode job = onlyJobOf(restarted);
        assertThat(job.at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("jobId").asLong()).as("same job instance").isEqualTo(lostJob.path("jobId").asLong());
    }

    /** The processes SCDF launched for a task execution (a launch script and its JVM, or the JVM alone). */
    private static List<ProcessHandle> processesOf(long executionId) {
        String argument = "--spring.cloud.task.executionid=" + executionId;
        return ProcessHandle.allProcesses().filter(p -> ProcFiles.commandLine(p).contains(argument)).toList();
    }

    /** The runner execution SCDF launched for the restart: the newest one of the composed task. */
    private JsonNode awaitRestartedRunner(String composedName, long firstRunner) {
        return awaitEnd(dataflow.awaitNewerExecution(composedName, firstRunner, RUN_TIMEOUT));
    }
}
