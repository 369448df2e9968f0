package io.offstream.launcher.dataflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.DataFlowException;
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
        try {
            return client.childrenOf(parentExecutionId);
        }
        catch (DataFlowException e) {
            throw new DataFlowUnavailableException("task executions: " + reason(e));
        }
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

    /** SCDF's own message when it gave one. */
    private static String reason(Exception e) {
        if (e instanceof DataFlowRefusedException refused && refused.scdfMessage() != null && !refused.scdfMessage().isBlank()) {
            return refused.scdfMessage();
        }
        return e.getMessage();
    }
}
