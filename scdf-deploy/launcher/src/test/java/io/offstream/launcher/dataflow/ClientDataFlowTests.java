package io.offstream.launcher.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.launcher.LauncherException;

/** Through the shared SCDF client against a real HTTP server on a free port that answers as SCDF 2.11 does. */
class ClientDataFlowTests {

    private HttpServer server;

    private final List<String> requests = new ArrayList<>();

    private final Map<String, String[]> answers = new LinkedHashMap<>();

    private ClientDataFlow dataFlow;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        dataFlow = new ClientDataFlow(new DataFlowClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI() + (body.isEmpty() ? "" : " " + URLDecoder.decode(body, StandardCharsets.UTF_8));
        requests.add(request);
        String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), new String[] {"404", "{}"});
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void launchesWithSCDFsBoot2Form() {
        answers.put("POST /tasks/executions", new String[] {"201", "42"});

        long id = dataFlow.launch("offstream-run", new LinkedHashMap<>(Map.of("app.*.offstream.run.key", "r1")), List.of("--a=1", "--b=x y"));

        assertThat(id).isEqualTo(42);
        // the client's one launch form: a value with a space is quoted, so SCDF keeps it whole
        assertThat(requests).containsExactly("POST /tasks/executions name=offstream-run&properties=app.*.offstream.run.key=r1&arguments=--a=1 --b=\"x y\"");
    }

    @Test
    void aRefusedLaunchCarriesSCDFsMessage() {
        answers.put("POST /tasks/executions", new String[] {"404",
                "{\"_embedded\":{\"errors\":[{\"logref\":\"NoSuchTaskDefinitionException\",\"message\":\"Could not find task definition named nope\"}]}}"});

        assertThatThrownBy(() -> dataFlow.launch("nope", Map.of(), List.of())).isInstanceOf(LauncherException.class)
                .hasMessage("launching nope failed: Could not find task definition named nope");
    }

    @Test
    void readsExecutionsAndARunnersChildren() {
        answers.put("GET /tasks/executions/7", new String[] {"200",
                "{\"executionId\":7,\"taskName\":\"offstream-run\",\"exitCode\":null,\"endTime\":null,\"exitMessage\":null}"});
        answers.put("GET /tasks/executions", new String[] {"200", """
                {"_embedded":{"taskExecutionResourceList":[
                  {"executionId":9,"taskName":"offstream-run-ingress","exitCode":1,"endTime":"2026-12-02T09:00:00Z","exitMessage":"boom","parentExecutionId":7},
                  {"executionId":8,"taskName":"offstream-run-plan","exitCode":0,"endTime":"2026-12-02T08:59:00Z","parentExecutionId":7},
                  {"executionId":10,"taskName":"other-plan","exitCode":null,"endTime":null,"parentExecutionId":6},
                  {"executionId":7,"taskName":"offstream-run","exitCode":null,"endTime":null}]}}"""});

        TaskExecutionState runner = dataFlow.execution(7);
        List<TaskExecutionState> children = dataFlow.children(7);

        assertThat(runner.ended()).isFalse();
        assertThat(runner.exitCode()).isNull();
        assertThat(children).extracting(TaskExecutionState::executionId).containsExactly(8L, 9L);
        assertThat(children.get(0).succeeded()).isTrue();
        assertThat(children.get(1)).satisfies(child -> {
            assertThat(child.ended()).isTrue();
            assertThat(child.exitCode()).isEqualTo(1);
            assertThat(child.exitMessage()).isEqualTo("boom");
            assertThat(child.taskName()).isEqualTo("offstream-run-ingress");
        });
        assertThat(requests).contains("GET /tasks/executions?size=200");
    }

    @Test
    void definitionsAndProgress() {
        answers.put("GET /tasks/definitions/offstream-run", new String[] {"200", "{\"name\":\"offstream-run\"}"});
        answers.put("POST /tasks/definitions", new String[] {"200", "{}"});
        answers.put("GET /offstream/runs/r1/progress", new String[] {"200", "{\"lastEvent\":\"planned\"}"});

        assertThat(dataFlow.definitionExists("offstream-run")).isTrue();
        assertThat(dataFlow.definitionExists("offstream-simulate")).isFalse();
        dataFlow.createDefinition("offstream-sample-warehouse", "offstream-sample-warehouse");
        assertThat(dataFlow.runProgress("r1", true)).hasValueSatisfying(p -> assertThat(p.path("lastEvent").asText()).isEqualTo("planned"));
        assertThat(dataFlow.runProgress("r2", false)).isEmpty();
        assertThat(requests).contains("POST /tasks/definitions name=offstream-sample-warehouse&definition=offstream-sample-warehouse",
                "GET /offstream/runs/r1/progress?children=true");
    }

    @Test
    void aServerThatIsGoneIsUnavailableNotAnAnswer() {
        server.stop(0);

        assertThatThrownBy(() -> dataFlow.execution(1)).isInstanceOf(DataFlowUnavailableException.class)
                .hasMessageStartingWith("task execution 1: ");
        assertThat(dataFlow.runProgress("r1", false)).isEmpty();
    }
}
