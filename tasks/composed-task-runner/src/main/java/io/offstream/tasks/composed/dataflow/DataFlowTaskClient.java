package io.offstream.tasks.composed.dataflow;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import io.offstream.tasks.composed.child.ChildLaunchRequest;

/**
 * The part of SCDF's REST API the runner uses: launch a boot2 task definition
 * ({@code POST /tasks/executions}; a platform at its task limit is a {@link PlatformFullException}),
 * read an execution and, on Offstream's server, its process; find one by an argument it was
 * launched with; stop one.
 */
public class DataFlowTaskClient {

    private final RestTemplate rest;

    private final URI server;

    public DataFlowTaskClient(RestTemplate rest, URI server) {
        this.rest = rest;
        this.server = server;
    }

    /** Launches the child as a child of {@code parentExecutionId}; returns its execution id. */
    public long launch(ChildLaunchRequest request, long parentExecutionId) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", request.definitionName());
        form.add("properties", request.properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        List<String> arguments = new java.util.ArrayList<>(request.arguments());
        arguments.add("--spring.cloud.task.parent-execution-id=" + parentExecutionId);
        form.add("arguments", arguments.stream().map(DataFlowTaskClient::quoted).collect(Collectors.joining(" ")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String id;
        try {
            id = rest.postForObject(server.resolve("/tasks/executions"), new HttpEntity<>(form, headers), String.class);
        }
        catch (HttpStatusCodeException e) {
            if (e.getResponseBodyAsString().contains(PlatformFullException.SCDF_MESSAGE)) {
                throw new PlatformFullException("SCDF cannot launch " + request.definitionName() + " now: its platform runs "
                        + "as many tasks as it may (" + e.getStatusCode().value() + ")");
            }
            throw e;
        }
        if (id == null || !id.trim().matches("\\d+")) {
            throw new RestClientException("SCDF answered the launch of " + request.definitionName() + " with '" + id + "'");
        }
        return Long.parseLong(id.trim());
    }

    public ChildTaskState state(long executionId) {
        JsonNode execution = rest.getForObject(server.resolve("/tasks/executions/" + executionId), JsonNode.class);
        if (execution == null) {
            throw new RestClientException("SCDF returned nothing for task execution " + executionId);
        }
        return new ChildTaskState(executionId,
                !execution.path("endTime").isNull() && !execution.path("endTime").isMissingNode(),
                execution.path("exitCode").isNumber() ? execution.path("exitCode").asInt() : null,
                text(execution, "exitMessage"), text(execution, "errorMessage"));
    }

    /**
     * The newest execution of a definition launched with this exact argument, if SCDF has one
     * ({@code GET /tasks/executions?name=}; SCDF lists the arguments a task started with).
     */
    public Optional<Long> findExecution(String definitionName, String argument) {
        JsonNode page = rest.getForObject(server.resolve("/tasks/executions?name=" + definitionName + "&size=200"), JsonNode.class);
        if (page == null) {
            throw new RestClientException("SCDF returned nothing for the executions of " + definitionName);
        }
        long newest = -1;
        for (JsonNode execution : page.at("/_embedded/taskExecutionResourceList")) {
            for (JsonNode given : execution.path("arguments")) {
                if (given.asText().equals(argument)) {
                    newest = Math.max(newest, execution.path("executionId").asLong());
                }
            }
        }
        return newest < 0 ? Optional.empty() : Optional.of(newest);
    }

    /**
     * The launcher's state of the execution's process when it is gone while SCDF has no end for it
     * (killed outright: SIGKILL, the OOM killer), from the endpoint Offstream's SCDF server adds
     * ({@code /offstream/tasks/executions/{id}/process}). Empty while it runs, once its end is
     * recorded, or when the server does not say: a 404 (a stock SCDF) or any other error.
     */
    public Optional<String> processGoneWithoutEnd(long executionId) {
        try {
            JsonNode process = rest.getForObject(server.resolve("/offstream/tasks/executions/" + executionId + "/process"),
                    JsonNode.class);
            return process != null && process.path("processGone").asBoolean(false) && !process.path("ended").asBoolean(false)
                    ? Optional.of(process.path("state").asText("unknown")) : Optional.empty();
        }
        catch (RestClientException e) {
            return Optional.empty();
        }
    }

    public void stop(long executionId) {
        rest.postForLocation(server.resolve("/tasks/executions/" + executionId), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** SCDF splits launch arguments on spaces, honouring double quotes. */
    private static String quoted(String argument) {
        return argument.contains(" ") && !argument.contains("\"") ? "\"" + argument + "\"" : argument;
    }
}
