package io.offstream.tasks.dispatch.scdf;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;

/**
 * One region's SCDF server, as the dispatcher uses it: read and create task definitions, launch
 * one on a platform account, read a task execution. I/O failures become
 * {@link PlatformUnreachableException}; a launch SCDF answers with an error becomes
 * {@link LaunchRefusedException}.
 */
public class RegionDataFlow {

    /** SCDF's launch property choosing the platform account. */
    public static final String PLATFORM_PROPERTY = "spring.cloud.dataflow.task.platformName";

    private static final ObjectMapper ERRORS = new ObjectMapper();

    private final RestTemplate rest;

    private final URI server;

    public RegionDataFlow(RestTemplate rest, URI server) {
        this.rest = rest;
        this.server = server;
    }

    public URI server() {
        return server;
    }

    /** The DSL of a task definition, or empty when there is none of that name. */
    public Optional<String> definitionDsl(String name) {
        try {
            JsonNode definition = rest.getForObject(server.resolve("/tasks/definitions/" + name), JsonNode.class);
            return Optional.ofNullable(definition).map(d -> d.path("dslText").asText(null));
        }
        catch (HttpStatusCodeException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new PlatformUnreachableException("SCDF " + server + " answered " + e.getRawStatusCode()
                    + " reading definition " + name + ": " + e.getResponseBodyAsString(), e);
        }
        catch (ResourceAccessException e) {
            throw unreachable("reading definition " + name, e);
        }
    }

    public void createDefinition(String name, String dsl) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        form.add("definition", dsl);
        form.add("description", "Created by offstream-dispatch for this region's platform account");
        try {
            rest.postForObject(server.resolve("/tasks/definitions"), formEntity(form), String.class);
        }
        catch (ResourceAccessException e) {
            throw unreachable("creating definition " + name, e);
        }
    }

    /** Launches a definition with properties and arguments (no spaces in them); returns its task execution id. */
    public long launch(String definition, Map<String, String> properties, List<String> arguments) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", definition);
        form.add("properties", properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        form.add("arguments", String.join(" ", arguments));
        String answer;
        try {
            answer = rest.postForObject(server.resolve("/tasks/executions"), formEntity(form), String.class);
        }
        catch (HttpStatusCodeException e) {
            String body = e.getResponseBodyAsString();
            throw new LaunchRefusedException("SCDF " + server + " refused to launch " + definition + " on "
                    + properties.get(PLATFORM_PROPERTY) + " (" + e.getRawStatusCode() + "): " + firstMessage(body),
                    body.contains("maximum concurrent task executions"));
        }
        catch (ResourceAccessException e) {
            throw unreachable("launching " + definition, e);
        }
        if (answer == null || !answer.trim().matches("\\d+")) {
            throw new LaunchRefusedException("SCDF " + server + " answered the launch of " + definition + " with '" + answer + "'", false);
        }
        return Long.parseLong(answer.trim());
    }

    /** The newest execution of a definition launched with this exact argument, if SCDF has one. */
    public Optional<Long> findExecution(String definition, String argument) {
        JsonNode page;
        try {
            page = rest.getForObject(server.resolve("/tasks/executions?name=" + definition + "&size=200"), JsonNode.class);
        }
        catch (ResourceAccessException e) {
            throw unreachable("listing the executions of " + definition, e);
        }
        catch (HttpStatusCodeException e) {
            throw new PlatformUnreachableException("SCDF " + server + " answered " + e.getRawStatusCode()
                    + " listing the executions of " + definition, e);
        }
        long newest = -1;
        for (JsonNode execution : page == null ? NullNode.getInstance() : page.at("/_embedded/taskExecutionResourceList")) {
            for (JsonNode given : execution.path("arguments")) {
                if (given.asText().equals(argument)) {
                    newest = Math.max(newest, execution.path("executionId").asLong());
                }
            }
        }
        return newest < 0 ? Optional.empty() : Optional.of(newest);
    }

    public TaskExecutionState execution(long executionId) {
        JsonNode execution;
        try {
            execution = rest.getForObject(server.resolve("/tasks/executions/" + executionId), JsonNode.class);
        }
        catch (ResourceAccessException e) {
            throw unreachable("reading task execution " + executionId, e);
        }
        catch (HttpStatusCodeException e) {
            throw new PlatformUnreachableException("SCDF " + server + " answered " + e.getRawStatusCode()
                    + " for task execution " + executionId, e);
        }
        if (execution == null) {
            throw new PlatformUnreachableException("SCDF " + server + " returned nothing for task execution " + executionId, null);
        }
        return new TaskExecutionState(executionId, hasValue(execution, "endTime"),
                execution.path("exitCode").isNumber() ? execution.path("exitCode").asInt() : null,
                text(execution, "exitMessage"), text(execution, "errorMessage"));
    }

    /**
     * The launcher's word on an execution's process, from the endpoint Offstream's SCDF server adds
     * ({@code /offstream/tasks/executions/{id}/process}): the state name when the process is gone
     * (it died, whether or not it recorded an end), empty while it runs or when the server does not
     * say (another SCDF build, or an error).
     */
    public Optional<String> processGone(long executionId) {
        try {
            JsonNode process = rest.getForObject(server.resolve("/offstream/tasks/executions/" + executionId + "/process"),
                    JsonNode.class);
            return process != null && process.path("processGone").asBoolean(false)
                    ? Optional.of(process.path("state").asText("unknown")) : Optional.empty();
        }
        catch (HttpStatusCodeException e) {
            return Optional.empty();
        }
        catch (ResourceAccessException e) {
            throw unreachable("reading the process of task execution " + executionId, e);
        }
    }

    private PlatformUnreachableException unreachable(String doing, ResourceAccessException e) {
        return new PlatformUnreachableException("SCDF " + server + " did not answer " + doing + ": " + e.getMessage(), e);
    }

    private static HttpEntity<MultiValueMap<String, String>> formEntity(MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form, headers);
    }

    /** SCDF's error body is {@code {"_embedded":{"errors":[{"message":...}]}}}: the first message, cut short. */
    private static String firstMessage(String body) {
        String message;
        try {
            JsonNode error = ERRORS.readTree(body).at("/_embedded/errors/0/message");
            message = error.isTextual() ? error.asText() : body;
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            message = body;
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private static boolean hasValue(JsonNode node, String field) {
        return !node.path(field).isNull() && !node.path(field).isMissingNode();
    }

    private static String text(JsonNode node, String field) {
        return hasValue(node, field) ? node.path(field).asText() : null;
    }
}
