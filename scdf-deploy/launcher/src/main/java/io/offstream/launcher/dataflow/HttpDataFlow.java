package io.offstream.launcher.dataflow;

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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.launcher.LauncherException;

/**
 * {@link DataFlow} over SCDF's REST API with the JDK HttpClient. The launch form is SCDF's boot2 form:
 * {@code name}, {@code properties} (comma-separated {@code key=value}), {@code arguments} (space-separated).
 */
public final class HttpDataFlow implements DataFlow {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI server;

    private final HttpClient http;

    private final ObjectMapper json;

    public HttpDataFlow(URI server, HttpClient http, ObjectMapper json) {
        this.server = URI.create(server.toString().endsWith("/") ? server.toString() : server + "/");
        this.http = http;
        this.json = json;
    }

    @Override
    public boolean definitionExists(String name) {
        return send(get("tasks/definitions/" + encode(name))).statusCode() == 200;
    }

    @Override
    public void createDefinition(String name, String dsl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("definition", dsl);
        HttpResponse<String> response = send(post("tasks/definitions", form));
        if (response.statusCode() / 100 != 2) {
            throw new LauncherException("creating task definition " + name + " failed: " + message(response));
        }
    }

    @Override
    public long launch(String name, Map<String, String> properties, List<String> arguments) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("properties", properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        form.put("arguments", String.join(" ", arguments));
        HttpResponse<String> response = send(post("tasks/executions", form));
        String body = response.body().trim();
        if (response.statusCode() / 100 != 2 || !body.matches("[0-9]+")) {
            throw new LauncherException("launching " + name + " failed: " + message(response));
        }
        return Long.parseLong(body);
    }

    @Override
    public TaskExecution execution(long executionId) {
        HttpResponse<String> response = send(get("tasks/executions/" + executionId));
        if (response.statusCode() != 200) {
            throw new DataFlowUnavailableException("task execution " + executionId + ": " + message(response));
        }
        return execution(read(response.body()));
    }

    @Override
    public List<TaskExecution> recentExecutions() {
        HttpResponse<String> response = send(get("tasks/executions?size=200"));
        if (response.statusCode() != 200) {
            throw new DataFlowUnavailableException("task executions: " + message(response));
        }
        List<TaskExecution> executions = new ArrayList<>();
        for (JsonNode node : read(response.body()).path("_embedded").path("taskExecutionResourceList")) {
            executions.add(execution(node));
        }
        return executions;
    }

    @Override
    public Optional<JsonNode> runProgress(String runKey, boolean children) {
        try {
            HttpResponse<String> response = send(get("offstream/runs/" + encode(runKey) + "/progress?children=" + children));
            return response.statusCode() == 200 ? Optional.of(read(response.body())) : Optional.empty();
        }
        catch (DataFlowUnavailableException e) {
            return Optional.empty();
        }
    }

    private static TaskExecution execution(JsonNode node) {
        JsonNode parent = node.path("parentExecutionId");
        JsonNode exitCode = node.path("exitCode");
        JsonNode exitMessage = node.path("exitMessage");
        return new TaskExecution(node.path("executionId").asLong(), node.path("taskName").asText(),
                !node.path("endTime").isMissingNode() && !node.path("endTime").isNull(),
                exitCode.isNumber() ? exitCode.asInt() : null, exitMessage.isTextual() ? exitMessage.asText() : null,
                parent.isNumber() ? OptionalLong.of(parent.asLong()) : OptionalLong.empty());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
    }

    private HttpRequest post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new DataFlowUnavailableException("the SCDF server at " + server + " did not answer: " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        }
        catch (IOException e) {
            throw new DataFlowUnavailableException("the SCDF server answered with something other than JSON: " + e.getMessage());
        }
    }

    /** SCDF's error message ({@code [{"message": ...}]} or {@code _embedded.errors}) or the body as it came. */
    private String message(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            JsonNode errors = body.path("_embedded").path("errors");
            JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : body.isArray() && !body.isEmpty() ? body.get(0) : body;
            if (first.path("message").isTextual()) {
                return first.path("message").asText();
            }
        }
        catch (IOException | RuntimeException e) {
            // not JSON: the body says it
        }
        return "HTTP " + response.statusCode() + " " + response.body().strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
