package io.offstream.dataflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataFlowClientTests {

    private static final String PLATFORM_FULL = "{\"_embedded\":{\"errors\":[{\"logref\":\"IllegalStateException\",\"message\":"
            + "\"The maximum concurrent task executions for platform region-a is at its limit [2].\"}]}}";

    private final ScdfStub scdf;

    private final DataFlowClient client;

    DataFlowClientTests() throws IOException {
        scdf = new ScdfStub();
        client = new DataFlowClient(URI.create(scdf.uri() + "/"), DataFlowAuthorization.none(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        scdf.close();
    }

    @Test
    void launchPostsTheEncodedFormAndReturnsTheExecutionId() {
        scdf.on("POST /tasks/executions", 201, "42");

        long id = client.launch(new LaunchRequest("run1-plan", Map.of("app.plan.a", "x,y"), List.of("--b=1", "--c=two words")));

        assertThat(id).isEqualTo(42);
        ScdfStub.Request sent = scdf.requests().get(0);
        assertThat(sent.form()).containsExactly(Map.entry("name", "run1-plan"), Map.entry("properties", "app.plan.a=x,y"),
                Map.entry("arguments", "--b=1 --c=\"two words\""));
    }

    @Test
    void aFullPlatformIsARefusalThatSaysSo() {
        scdf.on("POST /tasks/executions", 500, PLATFORM_FULL);

        assertThatThrownBy(() -> client.launch(LaunchRequest.of("run1")))
                .isInstanceOfSatisfying(DataFlowRefusedException.class, refused -> {
                    assertThat(refused.platformFull()).isTrue();
                    assertThat(refused.status()).isEqualTo(500);
                    assertThat(refused.scdfMessage()).startsWith("The maximum concurrent task executions for platform region-a");
                });
    }

    @Test
    void anotherRefusalCarriesScdfsFirstMessageAndIsNotPlatformFull() {
        scdf.on("POST /tasks/executions", 400, "{\"_embedded\":{\"errors\":[{\"message\":\"Could not find task definition named run9\"},"
                + "{\"message\":\"second\"}]}}");

        assertThatThrownBy(() -> client.launch(LaunchRequest.of("run9")))
                .isInstanceOfSatisfying(DataFlowRefusedException.class, refused -> {
                    assertThat(refused.platformFull()).isFalse();
                    assertThat(refused.serverError()).isFalse();
                    assertThat(refused.scdfMessage()).isEqualTo("Could not find task definition named run9");
                    assertThat(refused.getMessage()).contains("400").contains("Could not find task definition named run9");
                });
    }

    @Test
    void aLaunchAnsweredWithoutAnIdIsRefused() {
        scdf.on("POST /tasks/executions", 200, "<html>login</html>");

        assertThatThrownBy(() -> client.launch(LaunchRequest.of("run1"))).isInstanceOf(DataFlowRefusedException.class)
                .hasMessageContaining("not an execution id");
    }

    @Test
    void anUnknownExecutionIsNotFound() {
        scdf.on("GET /tasks/executions/7", 404, "{\"_embedded\":{\"errors\":[{\"message\":\"Could not find TaskExecution with id 7\"}]}}");

        assertThatThrownBy(() -> client.execution(7)).isInstanceOfSatisfying(DataFlowNotFoundException.class,
                missing -> assertThat(missing.scdfMessage()).isEqualTo("Could not find TaskExecution with id 7"));
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DataFlowClient nowhere = new DataFlowClient(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> nowhere.execution(1)).isInstanceOf(DataFlowUnreachableException.class)
                .hasMessageContaining("did not answer GET /tasks/executions/1");
    }

    @Test
    void anExecutionIsReadWithItsEndArgumentsAndJobs() {
        scdf.on("GET /tasks/executions/5", 200, "{\"executionId\":5,\"taskName\":\"run1-plan\",\"exitCode\":1,"
                + "\"endTime\":\"2026-12-02T09:00:00.000Z\",\"exitMessage\":\"FAILED\",\"errorMessage\":\"boom\\nat x\","
                + "\"arguments\":[\"--a=1\"],\"jobExecutionIds\":[3]}");

        TaskExecutionState state = client.execution(5);

        assertThat(state).isEqualTo(new TaskExecutionState(5, "run1-plan", true, 1, "FAILED", "boom\nat x", List.of("--a=1"), List.of(3L)));
        assertThat(state.describe()).isEqualTo("task execution 5 exited 1 (FAILED): boom");
    }

    @Test
    void aRunningExecutionHasNoEnd() {
        scdf.on("GET /tasks/executions/6", 200, "{\"executionId\":6,\"exitCode\":null,\"endTime\":null,\"arguments\":[]}");

        assertThat(client.execution(6).ended()).isFalse();
    }

    @Test
    void findExecutionPicksTheNewestLaunchedWithTheArgument() {
        scdf.on("GET /tasks/executions?name=run1-plan&size=200", 200, "{\"_embedded\":{\"taskExecutionResourceList\":["
                + "{\"executionId\":9,\"arguments\":[\"--id=other\"]},{\"executionId\":8,\"arguments\":[\"--id=abc\"]},"
                + "{\"executionId\":4,\"arguments\":[\"--id=abc\"]}]}}");

        assertThat(client.findExecution("run1-plan", "--id=abc")).contains(8L);
        assertThat(client.findExecution("run1-plan", "--id=none")).isEmpty();
    }

    @Test
    void currentExecutionsGivesEachAccountsMaximumAndRunningCount() {
        scdf.on("GET /tasks/executions/current", 200, "[{\"name\":\"region-a\",\"type\":\"Local\",\"maximumTaskExecutions\":3,"
                + "\"runningExecutionCount\":1,\"links\":[]},{\"name\":\"region-b\",\"type\":\"Local\",\"maximumTaskExecutions\":2,"
                + "\"runningExecutionCount\":2}]");

        assertThat(client.currentExecutions()).containsExactly(new PlatformAccount("region-a", "Local", 3, 1),
                new PlatformAccount("region-b", "Local", 2, 2));
    }

    @Test
    void theProcessEndpointSaysWhetherTheProcessIsGoneWithoutAnEnd() {
        scdf.on("GET /offstream/tasks/executions/11/process", 200, "{\"executionId\":11,\"ended\":false,\"state\":\"failed\","
                + "\"processGone\":true,\"source\":\"launcher\"}");

        Optional<ProcessState> process = client.process(11);

        assertThat(process).contains(new ProcessState(11, false, "failed", true));
        assertThat(process.get().goneWithoutEnd()).isTrue();
    }

    @Test
    void aServerWithoutTheProcessEndpointSaysNothing() {
        assertThat(client.process(12)).isEmpty();
    }

    @Test
    void aMissingDefinitionIsEmptyAndAPresentOneHasItsDsl() {
        scdf.on("GET /tasks/definitions/run1", 200, "{\"name\":\"run1\",\"dslText\":\"a && b\",\"description\":\"d\",\"status\":\"UNKNOWN\"}");

        assertThat(client.definition("run1")).contains(new TaskDefinition("run1", "a && b", "d", "UNKNOWN"));
        assertThat(client.definition("run2")).isEmpty();
    }

    @Test
    void definitionsAppsStopAndRestartSendWhatScdfExpects() {
        scdf.on("POST /tasks/definitions", 200, "{}").on("DELETE /tasks/definitions/run1", 200, "")
                .on("POST /apps/task/plan", 201, "").on("POST /apps/processor/consumer", 201, "")
                .on("POST /tasks/executions/5", 200, "").on("PUT /jobs/executions/3?restart=true", 200, "");

        client.createDefinition("run1", "plan && ingress", "desc");
        client.destroyDefinition("run1");
        client.registerTaskApp("plan", URI.create("file:///apps/plan.jar"));
        client.registerStreamApp("processor", "consumer", URI.create("file:///apps/consumer.jar"));
        client.stop(5);
        client.restartJob(3);

        List<ScdfStub.Request> sent = scdf.requests();
        assertThat(sent).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly("POST /tasks/definitions",
                "DELETE /tasks/definitions/run1", "POST /apps/task/plan", "POST /apps/processor/consumer", "POST /tasks/executions/5",
                "PUT /jobs/executions/3?restart=true");
        assertThat(sent.get(0).form()).containsExactly(Map.entry("name", "run1"), Map.entry("definition", "plan && ingress"),
                Map.entry("description", "desc"));
        assertThat(sent.get(2).form()).containsEntry("uri", "file:///apps/plan.jar").containsEntry("bootVersion", "2");
        assertThat(sent.get(3).form()).containsEntry("bootVersion", "3");
    }

    @Test
    void platformsAndJobExecutionsAreRead() {
        scdf.on("GET /tasks/platforms?size=200", 200, "{\"_embedded\":{\"launcherResourceList\":[{\"name\":\"region-a\","
                + "\"type\":\"Local\",\"description\":\"cap 3\"}]}}");
        scdf.on("GET /tasks/executions/5", 200, "{\"executionId\":5,\"jobExecutionIds\":[3]}");
        scdf.on("GET /jobs/executions/3", 200, "{\"executionId\":3,\"name\":\"run1\",\"taskExecutionId\":5,\"restartable\":true,"
                + "\"jobExecution\":{\"status\":\"FAILED\"}}");

        assertThat(client.platforms()).containsExactly(new TaskPlatform("region-a", "Local", "cap 3"));
        JobExecution job = client.jobExecutions(5).get(0);
        assertThat(job.executionId()).isEqualTo(3);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.restartable()).isTrue();
    }

    @Test
    void everyRequestCarriesTheAuthorizationAndA401IsRetriedOnceAfterTellingIt() {
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        DataFlowAuthorization tokens = new DataFlowAuthorization() {
            @Override
            public Optional<String> header() {
                return Optional.of("Bearer t" + issued.incrementAndGet());
            }

            @Override
            public void rejected() {
                rejected.incrementAndGet();
            }
        };
        scdf.on("GET /tasks/executions/current", 401, "").on("GET /tasks/executions/current", 200, "[]");

        assertThat(client.withAuthorization(tokens).currentExecutions()).isEmpty();

        assertThat(rejected).hasValue(1);
        assertThat(scdf.requests()).extracting(ScdfStub.Request::authorization).containsExactly("Bearer t1", "Bearer t2");
    }

    @Test
    void aTokenEndpointThatCannotBeReachedMakesTheServerUnreachable() {
        DataFlowAuthorization broken = () -> {
            throw new java.io.UncheckedIOException(new IOException("token endpoint down"));
        };

        assertThatThrownBy(() -> client.withAuthorization(broken).about()).isInstanceOf(DataFlowUnreachableException.class)
                .hasMessageContaining("token endpoint down");
    }
}
