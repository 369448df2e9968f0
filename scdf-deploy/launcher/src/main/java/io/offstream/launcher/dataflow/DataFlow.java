package io.offstream.launcher.dataflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.dataflow.client.TaskExecutionState;

/** What {@code run} asks of the SCDF server (and of the Offstream progress endpoint it serves). */
public interface DataFlow {

    boolean definitionExists(String name);

    /** Creates a task definition; fails with SCDF's reason. */
    void createDefinition(String name, String dsl);

    /**
     * Launches a boot2 task definition ({@code POST /tasks/executions}).
     *
     * @return its task execution id
     * @throws io.offstream.launcher.LauncherException with SCDF's reason when it refuses
     */
    long launch(String name, Map<String, String> properties, List<String> arguments);

    /** @throws DataFlowUnavailableException when the server does not answer (a poll may go on) */
    TaskExecutionState execution(long executionId);

    /** The tasks a composed runner launched (among the newest 200 executions), oldest first. */
    List<TaskExecutionState> children(long parentExecutionId);

    /** {@code GET /offstream/runs/{key}/progress}: the run's progress from the ledger; empty when there is none yet or no answer. */
    Optional<JsonNode> runProgress(String runKey, boolean children);
}
