package io.offstream.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.launcher.Console;

/** Over a checkout laid out in a temporary folder and a real HTTP server answering as SCDF 2.11 does. */
class RegistrationsTests {

    @TempDir
    Path root;

    private HttpServer server;

    private final List<String> requests = new ArrayList<>();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Registrations registrations;

    private DataFlowClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new DataFlowClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        registrations = new Registrations(root, new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        write("composed-definitions/apps.properties", "# apps\noffstream-plan=tasks/plan\noffstream-later=tasks/later\n");
        write("tasks/plan/target/offstream-plan-0.1.0.jar", "jar");
        write("tasks/plan/target/offstream-plan-0.1.0-sources.jar", "jar");
        write("stream-apps/service-consumer/target/offstream-service-consumer-0.1.0.jar", "jar");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
        String[] answer;
        if (path.equals("/tasks/definitions/offstream-run")) {
            answer = new String[] {"200", "{\"name\":\"offstream-run\",\"dslText\":\"plan: offstream-plan && ingress: offstream-ingress\"}"};
        }
        else if (path.equals("/tasks/definitions/offstream-old")) {
            answer = new String[] {"200", "{\"name\":\"offstream-old\",\"dslText\":\"plan: offstream-plan\"}"};
        }
        else if (path.startsWith("/tasks/definitions/")) {
            answer = new String[] {"404", "{\"_embedded\":{\"errors\":[{\"message\":\"Could not find task definition\"}]}}"};
        }
        else if (path.equals("/tasks/definitions") && body.contains("offstream-unknown")) {
            answer = new String[] {"400", "{\"_embedded\":{\"errors\":[{\"message\":\"Application name 'offstream-unknown' not registered\"}]}}"};
        }
        else {
            answer = new String[] {"201", "{}"};
        }
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void registersTheBuiltJarOfEveryModuleThatExistsAndTheConsumer() {
        assertThat(registrations.built()).isTrue();

        registrations.registerApps(client);

        Path plan = root.resolve("tasks/plan/target/offstream-plan-0.1.0.jar");
        Path consumer = root.resolve("stream-apps/service-consumer/target/offstream-service-consumer-0.1.0.jar");
        assertThat(requests).containsExactly("POST /apps/task/offstream-plan uri=" + plan.toUri() + "&bootVersion=2&force=true",
                "POST /apps/processor/offstream-service-consumer uri=" + consumer.toUri() + "&bootVersion=3&force=true");
        assertThat(lines()).containsExactly("[offstream] registered task app offstream-plan -> tasks/plan/target/offstream-plan-0.1.0.jar",
                "[offstream] offstream-later: tasks/later does not exist yet; not registered",
                "[offstream] registered processor app offstream-service-consumer -> stream-apps/service-consumer/target/offstream-service-consumer-0.1.0.jar");
    }

    @Test
    void aModuleWithoutItsJarIsNotBuilt() throws IOException {
        Files.createDirectories(root.resolve("tasks/later"));

        assertThat(registrations.built()).isFalse();
        assertThatThrownBy(() -> registrations.registerApps(client)).hasMessage("offstream-later: no jar in tasks/later/target (./mvnw -DskipTests package)");
    }

    @Test
    void loadsNewDefinitionsAndLeavesExistingOnesAlone() throws IOException {
        write("composed-definitions/offstream-run.task", "# one run\nplan: offstream-plan &&\n   ingress: offstream-ingress\n");
        write("composed-definitions/offstream-old.task", "plan: offstream-plan && validate: offstream-validate\n");
        write("composed-definitions/offstream-new.task", "# new\nplan: offstream-plan\n");
        write("composed-definitions/offstream-unknown.task", "offstream-unknown\n");

        registrations.loadDefinitions(client);

        assertThat(requests).contains("POST /tasks/definitions name=offstream-new&definition=plan: offstream-plan")
                .noneMatch(r -> r.startsWith("POST /tasks/definitions name=offstream-run") || r.startsWith("POST /tasks/definitions name=offstream-old"));
        assertThat(lines()).containsExactly("[offstream] created definition offstream-new: plan: offstream-plan",
                "[offstream] definition offstream-old differs from " + root.resolve("composed-definitions/offstream-old.task")
                        + " (kept; destroy it to reload): plan: offstream-plan",
                "[offstream] definition offstream-run unchanged",
                "[offstream] definition offstream-unknown not created yet (400): Application name 'offstream-unknown' not registered");
    }
}
