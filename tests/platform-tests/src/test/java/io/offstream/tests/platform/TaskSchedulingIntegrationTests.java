package io.offstream.tests.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.dataflow.DataFlowException;
import io.offstream.testsupport.platform.DataFlowServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schedules on the local platform, through the built SCDF server as a process: they fire, carry
 * their properties and arguments, survive a restart, stop when destroyed, and refuse bad cron.
 *
 * <p>This class starts its own server (no Kafka), because one test restarts it. It has two local
 * platform accounts, {@code default} and {@code region-a}, as a multi-region setup would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskSchedulingIntegrationTests {

    private static final String EVERY_5_SECONDS = "*/5 * * * * ?";

    private Path workDir;

    private DataFlowServerProcess server;

    private DataFlowClient dataflow;

    private TaskSchedules schedules;

    @BeforeAll
    void startServerWithTwoLocalAccounts() {
        RepositoryLayout layout = RepositoryLayout.locate();
        workDir = Path.of("target", "scheduling-it", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        server = DataFlowServerProcess.start(layout, workDir, List.of(
                "--spring.cloud.dataflow.task.platform.local.accounts.region-a.working-directories-root="
                        + workDir.resolve("task-work-region-a")));
        dataflow = server.client();
        schedules = new TaskSchedules(dataflow);
        URI probe = layout.appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toUri();
        dataflow.registerTaskApp("probe", probe);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aboutReportsSchedulesEnabled() {
        assertThat(dataflow.about().at("/featureInfo/schedulesEnabled").asBoolean()).isTrue();
    }

    @Test
    void aScheduleEveryFiveSecondsLaunchesItsTaskRepeatedlyWithItsPropertiesAndArguments() throws Exception {
        Path records = workDir.resolve("records-" + unique(""));
        String definition = unique("every5s");
        dataflow.createTaskDefinition(definition, "probe --probe.record-dir=" + records);

        schedules.create(definition + "-schedule", definition, EVERY_5_SECONDS,
                Map.of("app.probe.probe.exit-message", "scheduled"), List.of("--offstream.run.key=nightly"), null);
        List<JsonNode> executions = schedules.awaitExecutions(definition, list -> list.size() >= 2,
                Duration.ofSeconds(20), "two executions");
        schedules.destroy(definition + "-schedule");

        JsonNode first = dataflow.awaitTaskEnd(executions.get(0).path("executionId").asLong(), Duration.ofMinutes(1));
        assertThat(first.path("exitCode").asInt()).isZero();
        assertThat(first.path("exitMessage").asText()).isEqualTo("scheduled");
        assertThat(first.path("platformName").asText()).isEqualTo("default");
        Properties received = new Properties();
        try (var in = Files.newBufferedReader(records.resolve(definition + "-" + first.path("executionId").asLong() + ".properties"))) {
            received.load(in);
        }
        assertThat(received.getProperty("offstream.run.key")).isEqualTo("nightly");
        assertThat(received.getProperty("_args")).startsWith("--offstream.run.key=nightly");
    }

    @Test
    void schedulesSurviveARestartAndFireAgainWhileADestroyedOneStaysSilent() {
        String kept = unique("kept");
        String destroyed = unique("destroyed");
        dataflow.createTaskDefinition(kept, "probe");
        dataflow.createTaskDefinition(destroyed, "probe");
        schedules.create(kept + "-schedule", kept, EVERY_5_SECONDS);
        schedules.create(destroyed + "-schedule", destroyed, EVERY_5_SECONDS);
        schedules.awaitExecutions(kept, list -> !list.isEmpty(), Duration.ofSeconds(20), "an execution");
        schedules.awaitExecutions(destroyed, list -> !list.isEmpty(), Duration.ofSeconds(20), "an execution");
        schedules.destroy(destroyed + "-schedule");
        TaskSchedules.pause(Duration.ofSeconds(2));
        int destroyedRuns = schedules.executionsOf(destroyed).size();
        long lastBeforeRestart = lastExecutionId(kept);

        server.restart();

        JsonNode listed = schedules.list("default").stream()
                .filter(schedule -> schedule.path("scheduleName").asText().equals(kept + "-schedule"))
                .findFirst().orElseThrow(() -> new AssertionError("not listed after the restart: " + kept + "-schedule"));
        assertThat(listed.path("taskDefinitionName").asText()).isEqualTo(kept);
        assertThat(listed.at("/scheduleProperties/spring.cloud.scheduler.cron.expression").asText()).isEqualTo(EVERY_5_SECONDS);
        assertThat(schedules.names("default")).doesNotContain(destroyed + "-schedule");
        schedules.awaitExecutions(kept, list -> list.stream()
                        .anyMatch(execution -> execution.path("executionId").asLong() > lastBeforeRestart),
                Duration.ofSeconds(20), "an execution launched after the restart");
        TaskSchedules.pause(Duration.ofSeconds(6));
        schedules.destroy(kept + "-schedule");
        assertThat(schedules.executionsOf(destroyed)).hasSize(destroyedRuns);
    }

    @Test
    void aDestroyedScheduleNeverFiresAgain() {
        String definition = unique("destroyed");
        dataflow.createTaskDefinition(definition, "probe");
        schedules.create(definition + "-schedule", definition, EVERY_5_SECONDS);
        schedules.awaitExecutions(definition, list -> !list.isEmpty(), Duration.ofSeconds(20), "an execution");

        schedules.destroy(definition + "-schedule");
        TaskSchedules.pause(Duration.ofSeconds(2));
        int runs = schedules.executionsOf(definition).size();
        TaskSchedules.pause(Duration.ofSeconds(12));

        assertThat(schedules.executionsOf(definition)).hasSize(runs);
        assertThat(schedules.names("default")).doesNotContain(definition + "-schedule");
        assertThatThrownBy(() -> dataflow.get("/tasks/schedules/" + definition + "-schedule"))
                .isInstanceOfSatisfying(DataFlowException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anInvalidCronIsRefusedWithBadRequestNamingTheProblem() {
        String definition = unique("invalid");
        dataflow.createTaskDefinition(definition, "probe");

        assertThatThrownBy(() -> schedules.create(definition + "-a", definition, "61 * * * *"))
                .isInstanceOfSatisfying(DataFlowException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Invalid cron expression '61 * * * *': minute: '61' is out of range 0-59");
                });
        assertThatThrownBy(() -> schedules.create(definition + "-b", definition, "every day"))
                .isInstanceOfSatisfying(DataFlowException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("expected 5 fields", "found 2 field(s)");
                });
        assertThatThrownBy(() -> schedules.create(definition + "-c", definition, "0 0 12 1 * MON"))
                .isInstanceOfSatisfying(DataFlowException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not a valid Quartz expression");
                });
        assertThat(schedules.names("default")).noneMatch(name -> name.startsWith(definition));
    }

    @Test
    void aFiveFieldCronIsAcceptedAndListedWithItsExpression() {
        String definition = unique("unix");
        dataflow.createTaskDefinition(definition, "probe");

        schedules.create(definition + "-schedule", definition, "*/1 * * * *");

        JsonNode listed = dataflow.get("/tasks/schedules/" + definition + "-schedule");
        assertThat(listed.path("taskDefinitionName").asText()).isEqualTo(definition);
        assertThat(listed.at("/scheduleProperties/spring.cloud.scheduler.cron.expression").asText()).isEqualTo("*/1 * * * *");
        assertThat(listed.at("/scheduleProperties/offstream.scheduler.quartz-cron-expression").asText()).isEqualTo("0 * * * * ?");
        assertThat(listed.at("/scheduleProperties/offstream.scheduler.misfire-policy").asText()).isEqualTo("RUN_ONCE");
        JsonNode byDefinition = dataflow.get("/tasks/schedules/instances/" + definition);
        assertThat(byDefinition.at("/_embedded/scheduleInfoResourceList/0/scheduleName").asText())
                .isEqualTo(definition + "-schedule");
        schedules.destroy(definition + "-schedule");
    }

    @Test
    void aComposedDefinitionCanBeScheduledAndIsListed() {
        String definition = unique("composed");
        dataflow.createTaskDefinition(definition, "first: probe && second: probe");

        schedules.create(definition + "-nightly", definition, "0 3 * * *", Map.of("app.first.probe.sleep", "1s"),
                List.of("--offstream.run.key=nightly"), null);

        assertThat(schedules.list("default"))
                .filteredOn(schedule -> schedule.path("scheduleName").asText().equals(definition + "-nightly"))
                .singleElement()
                .satisfies(schedule -> assertThat(schedule.path("taskDefinitionName").asText()).isEqualTo(definition));
        schedules.destroy(definition + "-nightly");
    }

    /** The 3.2.0 dashboard's own requests: JSON content type, parameters in the query, one platform at a time. */
    @Test
    void theDashboardsScheduleRequestsWorkPerPlatformAccount() throws Exception {
        String definition = unique("dashboard");
        dataflow.createTaskDefinition(definition, "probe");
        String name = definition + "-region-a";
        String query = "scheduleName=" + name + "&taskDefinitionName=" + definition + "&arguments=&platform=region-a"
                + "&properties=" + encode("scheduler.cron.expression=0 4 * * 1-5,app.probe.probe.sleep=1s");

        HttpResponse<String> created = dashboard("POST", "/tasks/schedules?" + query);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(schedules.names("region-a")).contains(name);
        assertThat(schedules.names("default")).doesNotContain(name);
        JsonNode one = dataflow.get("/tasks/schedules/" + name + "?platform=region-a");
        assertThat(one.at("/scheduleProperties/spring.cloud.scheduler.cron.expression").asText()).isEqualTo("0 4 * * 1-5");
        assertThat(dataflow.get("/tasks/schedules/instances/" + definition + "?platform=region-a")
                .at("/_embedded/scheduleInfoResourceList").size()).isEqualTo(1);
        assertThat(dashboard("DELETE", "/tasks/schedules/" + name + "?platform=region-a").statusCode()).isEqualTo(200);
        assertThat(schedules.names("region-a")).doesNotContain(name);
    }

    /** The 2.5.1 shell posts multipart, with the arguments as one JSON array part. */
    @Test
    void theShellsScheduleRequestCarriesItsArgumentsToTheTask() throws Exception {
        Path records = workDir.resolve("records-" + unique("shell"));
        String definition = unique("shell");
        dataflow.createTaskDefinition(definition, "probe --probe.record-dir=" + records);
        String boundary = "offstream-" + UUID.randomUUID();
        String body = part(boundary, "scheduleName", "text/plain", definition + "-schedule")
                + part(boundary, "properties", "text/plain", "scheduler.cron.expression=" + EVERY_5_SECONDS)
                + part(boundary, "taskDefinitionName", "text/plain", definition)
                + part(boundary, "arguments", "application/json", "[\"--offstream.run.key=from-shell\",\"--probe.sleep=1s\"]")
                + "--" + boundary + "--\r\n";

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(dataflow.server().resolve("/tasks/schedules"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = schedules.awaitExecutions(definition, list -> !list.isEmpty(), Duration.ofSeconds(20), "an execution")
                .get(0);
        schedules.destroy(definition + "-schedule");

        Path record = records.resolve(definition + "-" + first.path("executionId").asLong() + ".properties");
        dataflow.awaitTaskEnd(first.path("executionId").asLong(), Duration.ofMinutes(1));
        Properties received = new Properties();
        try (var in = Files.newBufferedReader(record)) {
            received.load(in);
        }
        assertThat(received.getProperty("offstream.run.key")).isEqualTo("from-shell");
        assertThat(received.getProperty("probe.sleep")).isEqualTo("1s");
    }

    @Test
    void overlappingFiringsOfOneScheduleNeverRunTwoExecutionsAtOnce() {
        String definition = unique("slow");
        dataflow.createTaskDefinition(definition, "probe --probe.sleep=6s");

        schedules.create(definition + "-every-second", definition, "* * * * * ?");
        List<JsonNode> executions = schedules.awaitExecutions(definition,
                list -> list.stream().filter(TaskSchedules::ended).count() >= 2, Duration.ofSeconds(60),
                "two ended executions");
        schedules.destroy(definition + "-every-second");

        List<JsonNode> ended = executions.stream().filter(TaskSchedules::ended).collect(Collectors.toList());
        assertThat(executions).as("a firing every second, but at most one execution at a time")
                .hasSizeLessThanOrEqualTo(ended.size() + 1);
        for (int i = 1; i < ended.size(); i++) {
            assertThat(TaskSchedules.time(ended.get(i), "startTime"))
                    .as("execution %s started after %s ended", ended.get(i).path("executionId"), ended.get(i - 1).path("executionId"))
                    .isAfterOrEqualTo(TaskSchedules.time(ended.get(i - 1), "endTime"));
        }
    }

    private long lastExecutionId(String definition) {
        List<JsonNode> executions = schedules.executionsOf(definition);
        return executions.isEmpty() ? 0 : executions.get(executions.size() - 1).path("executionId").asLong();
    }

    private HttpResponse<String> dashboard(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(dataflow.server().resolve(pathAndQuery))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("POST".equals(method) ? "{}" : ""))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String boundary, String name, String contentType, String value) {
        return "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n"
                + value + "\r\n";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
