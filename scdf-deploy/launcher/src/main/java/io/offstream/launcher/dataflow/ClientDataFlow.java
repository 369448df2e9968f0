package io.offstream.launcher.dataflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.DataFlowException;
import io.offstream.dataflow.client.DataFlowNotFoundException;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.launcher.LauncherException;

/** {@link DataFlow} over the shared SCDF client (tasks/dataflow-client): its one launch form, its errors. */
public final class ClientDataFlow implements DataFlow {

    private final DataFlowClient client;

    public ClientDataFlow(DataFlowClient client) {
        this.client = client;
    }

    @Override
    public boolean definitionExists(String name) {
        try {
            return client.definition(name).isPresent();
        }
        catch (DataFlowException e) {
            throw new LauncherException("the SCDF server at " + client.server() + " did not answer: " + e.getMessage());
        }
    }

    @Override
    public void createDefinition(String name, String dsl) {
        try {
            client.createDefinition(name, dsl, null);
        }
        catch (DataFlowException e) {
            throw new LauncherException("creating task definition " + name + " failed: " + reason(e));
        }
    }

    @Override
    public long launch(String name, Map<String, String> properties, List<String> arguments) {
        try {
            return client.launch(new LaunchRequest(name, properties, arguments));
        }
        catch (DataFlowException | IllegalArgumentException e) {
            throw new LauncherException("launching " + name + " failed: " + reason(e));
        }
    }

    @Override
    public TaskExecutionState execution(long executionId) {
        try {
            return client.execution(executionId);
        }
        catch (DataFlowException e) {
            throw new DataFlowUnavailableException("task execution " + executionId + ": " + reason(e));
        }
    }

    @Override
    public List<TaskExecutionState> children(long parentExecutionId) {
        JsonNode page;
        try {
            page = client.get("/tasks/executions?size=200");
        }
        catch (DataFlowException e) {
            throw new DataFlowUnavailableException("task executions: " + reason(e));
        }
        List<TaskExecutionState> children = new ArrayList<>();
        for (JsonNode execution : page.at("/_embedded/taskExecutionResourceList")) {
            JsonNode parent = execution.path("parentExecutionId");
            if (parent.isNumber() && parent.asLong() == parentExecutionId) {
                children.add(state(execution));
            }
        }
        children.sort(Comparator.comparingLong(TaskExecutionState::executionId));
        return children;
    }

    @Override
    public Optional<JsonNode> runProgress(String runKey, boolean children) {
        try {
            return Optional.of(client.get("/offstream/runs/" + URLEncoder.encode(runKey, StandardCharsets.UTF_8) + "/progress?children=" + children));
        }
        catch (DataFlowException e) {
            return Optional.empty();
        }
    }

    /** A child's state from the executions page (the client reads one execution; this list comes with its parent id). */
    private static TaskExecutionState state(JsonNode execution) {
        return new TaskExecutionState(execution.path("executionId").asLong(), text(execution.path("taskName")), !text(execution.path("endTime")).isEmpty(),
                execution.path("exitCode").isNumber() ? execution.path("exitCode").asInt() : null, nullable(execution.path("exitMessage")),
                nullable(execution.path("errorMessage")), List.of(), List.of());
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asText();
    }

    private static String nullable(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** SCDF's own message when it gave one. */
    private static String reason(Exception e) {
        if (e instanceof DataFlowRefusedException refused && !(e instanceof DataFlowNotFoundException) && refused.scdfMessage() != null
                && !refused.scdfMessage().isBlank()) {
            return refused.scdfMessage();
        }
        if (e instanceof DataFlowNotFoundException notFound && notFound.scdfMessage() != null && !notFound.scdfMessage().isBlank()) {
            return notFound.scdfMessage();
        }
        return e.getMessage();
    }
}
