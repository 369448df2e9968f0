package io.offstream.testsupport.dataflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SCDF's REST API as users' scripts call it (the same endpoints {@code curl} and the shell
 * use), for boot2 task apps.
 */
public final class DataFlowClient {

    private final URI server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ObjectMapper json = new ObjectMapper();

    /** The bearer token each request carries, or null for a server without security. */
    private final Supplier<String> accessToken;

    public DataFlowClient(URI server) {
        this(server, null);
    }

    /**
     * A client of a secured server: every request carries {@code Authorization: Bearer} with the
     * token the supplier gives at that moment (so it may refresh it).
     */
    public DataFlowClient(URI server, Supplier<String> accessToken) {
        this.server = server;
        this.accessToken = accessToken;
    }

    /** The same server with another token (null: none). */
    public DataFlowClient withAccessToken(Supplier<String> token) {
        return new DataFlowClient(server, token);
    }

    public URI server() {
        return server;
    }

    public JsonNode about() {
        return get("/about");
    }

    /** Registers (or re-registers) a boot2 task app. */
    public void registerTaskApp(String name, URI uri) {
        send("POST", "/apps/task/" + name, Map.of("uri", uri.toString(), "bootVersion", "2", "force", "true"));
    }

    /**
     * Registers (or re-registers) a stream app, e.g. the service consumer as a {@code processor}; a
     * Boot 3+ app (SCDF 2.11 knows no later version, and reads its metadata the same way).
     */
    public void registerStreamApp(String type, String name, URI uri) {
        send("POST", "/apps/" + type + "/" + name, Map.of("uri", uri.toString(), "bootVersion", "3", "force", "true"));
    }

    public void createTaskDefinition(String name, String dsl) {
        send("POST", "/tasks/definitions", Map.of("name", name, "definition", dsl));
    }

    public void destroyTaskDefinition(String name) {
        send("DELETE", "/tasks/definitions/" + name, Map.of());
    }

    /**
     * Launches a task definition with {@code POST /tasks/executions} and returns the execution id.
     *
     * @param properties deployment and app properties ({@code app.<name>.x}, {@code deployer.*})
     * @param arguments  command-line arguments for the task
     */
    public long launchTask(String name, Map<String, String> properties, List<String> arguments) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        if (!properties.isEmpty()) {
            form.put("properties", properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        if (!arguments.isEmpty()) {
            form.put("arguments", String.join(" ", arguments));
        }
        return Long.parseLong(send("POST", "/tasks/executions", form).trim());
    }

    public JsonNode taskExecution(long id) {
        return get("/tasks/executions/" + id);
    }

    /** Polls the execution until it has an end time. */
    public JsonNode awaitTaskEnd(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode execution = taskExecution(id);
            if (!execution.path("endTime").isNull() && !execution.path("endTime").isMissingNode()) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Task execution " + id + " did not end within " + timeout + ": " + execution);
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * The id of an execution of {@code taskName} newer than {@code after}, once SCDF has one: e.g. the
     * composed runner SCDF launches for a job restart.
     */
    public long awaitNewerExecution(String taskName, long after, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode execution : get("/tasks/executions?size=1000").at("/_embedded/taskExecutionResourceList")) {
                if (execution.path("taskName").asText().equals(taskName) && execution.path("executionId").asLong() > after) {
                    return execution.path("executionId").asLong();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No execution of " + taskName + " newer than " + after + " within " + timeout);
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** The job executions a task execution ran, each as SCDF's job execution resource. */
    public List<JsonNode> jobExecutionsOf(JsonNode taskExecution) {
        List<JsonNode> jobs = new ArrayList<>();
        for (JsonNode id : taskExecution.path("jobExecutionIds")) {
            jobs.add(get("/jobs/executions/" + id.asLong()));
        }
        return jobs;
    }

    public JsonNode get(String path) {
        return parse(send("GET", path, Map.of()));
    }

    /** Sends a form-encoded request; fails with SCDF's error message on a non-2xx answer. */
    public String send(String method, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken.get());
        }
        if ("GET".equals(method)) {
            request.GET();
        }
        else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DataFlowException(method + " " + path + " answered " + response.statusCode() + ": " + response.body(),
                        response.statusCode());
            }
            return response.body();
        }
        catch (IOException e) {
            throw new DataFlowException(method + " " + path + " failed: " + e.getMessage(), -1);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFlowException(method + " " + path + " interrupted", -1);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        }
        catch (IOException e) {
            throw new DataFlowException("Not JSON: " + body, -1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
