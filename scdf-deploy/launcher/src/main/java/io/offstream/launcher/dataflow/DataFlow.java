package io.offstream.launcher.dataflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code run} asks of the SCDF server (and of the Offstream progress endpoint it serves). */
public interface DataFlow {

    boolean definitionExists(String name);

    /** Creates a task definition; fails with SCDF's reason. */
    void createDefinition(String name, String dsl);

    /**
     * Launches a boot2 task definition ({@code POST /tasks/executions}).
     *
     * @return its task execution id
     */
    long launch(String name, Map<String, String> properties, List<String> arguments);

    TaskExecution execution(long executionId);

    /** The newest task executions (one page of 200, as run-demo.sh read them). */
    List<TaskExecution> recentExecutions();

    /** {@code GET /offstream/runs/{key}/progress}: the run's progress from the ledger; empty when there is none yet. */
    Optional<JsonNode> runProgress(String runKey, boolean children);
}
