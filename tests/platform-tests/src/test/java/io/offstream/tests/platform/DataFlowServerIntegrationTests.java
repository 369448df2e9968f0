package io.offstream.tests.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The built SCDF server, as a process, launching a real boot2 Spring Batch task. */
@ExtendWith(LocalPlatformExtension.class)
class DataFlowServerIntegrationTests {

    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);

    private LocalPlatform platform;

    private DataFlowClient dataflow;

    @BeforeEach
    void registerProbe(LocalPlatform platform) {
        this.platform = platform;
        this.dataflow = platform.dataflow();
        URI probeJar = platform.layout().appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toUri();
        dataflow.registerTaskApp("probe", probeJar);
    }

    @Test
    void aboutReportsCoreAndTheDashboardActuallyServed() throws Exception {
        JsonNode about = dataflow.about();

        assertThat(about.at("/versionInfo/core/version").asText()).isEqualTo("2.11.5");
        assertThat(about.at("/versionInfo/dashboard/version").asText()).isEqualTo("3.2.0");
        assertThat(about.at("/featureInfo/tasksEnabled").asBoolean()).isTrue();
        assertThat(about.at("/featureInfo/streamsEnabled").asBoolean()).isFalse();
        HttpResponse<String> dashboard = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(dataflow.server().resolve("/dashboard/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<html");
    }

    @Test
    void launchedBatchTaskExitsZeroWithACompletedJob() {
        String name = uniqueName("probe-ok");
        dataflow.createTaskDefinition(name, "probe --probe.sleep=1s");

        long id = dataflow.launchTask(name, Map.of(), List.of());
        JsonNode execution = dataflow.awaitTaskEnd(id, TASK_TIMEOUT);

        assertThat(execution.path("exitCode").asInt()).as("exit code of %s", execution).isZero();
        List<JsonNode> jobs = dataflow.jobExecutionsOf(execution);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
        assertThat(jobExecutionStatusListedFor(id)).isEqualTo("COMPLETED");
    }

    @Test
    void failedBatchJobFailsTheTask() {
        String name = uniqueName("probe-fail");
        dataflow.createTaskDefinition(name, "probe");

        long id = dataflow.launchTask(name, Map.of("app.probe.probe.fail", "true"), List.of());
        JsonNode execution = dataflow.awaitTaskEnd(id, TASK_TIMEOUT);

        assertThat(execution.path("exitCode").asInt()).as("exit code of %s", execution).isNotZero();
        assertThat(jobExecutionStatusListedFor(id)).isEqualTo("FAILED");
    }

    @Test
    void taskHistorySurvivesAServerRestart() {
        String name = uniqueName("probe-history");
        dataflow.createTaskDefinition(name, "probe");
        long id = dataflow.launchTask(name, Map.of(), List.of("--probe.exit-message=kept"));
        dataflow.awaitTaskEnd(id, TASK_TIMEOUT);

        platform.dataflowServer().restart();

        JsonNode execution = dataflow.taskExecution(id);
        assertThat(execution.path("taskName").asText()).isEqualTo(name);
        assertThat(execution.path("exitCode").asInt()).isZero();
        assertThat(execution.path("exitMessage").asText()).isEqualTo("kept");
        assertThat(dataflow.get("/tasks/definitions/" + name).path("name").asText()).isEqualTo(name);
    }

    /** The status {@code GET /jobs/executions} lists for the job run by a task execution. */
    private String jobExecutionStatusListedFor(long taskExecutionId) {
        JsonNode page = dataflow.get("/jobs/executions?size=200");
        for (JsonNode job : page.at("/_embedded/jobExecutionResourceList")) {
            if (job.path("taskExecutionId").asLong() == taskExecutionId) {
                return job.at("/jobExecution/status").asText();
            }
        }
        throw new AssertionError("No job execution listed for task execution " + taskExecutionId + ": " + page);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
