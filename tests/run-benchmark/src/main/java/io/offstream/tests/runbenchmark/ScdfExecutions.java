package io.offstream.tests.runbenchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.testsupport.dataflow.DataFlowClient;

/** The task executions of one composed run, read from SCDF's REST API. */
public final class ScdfExecutions {

    private static final int PAGE_SIZE = 200;

    private final DataFlowClient scdf;

    public ScdfExecutions(DataFlowClient scdf) {
        this.scdf = scdf;
    }

    public TaskExecution execution(long id) {
        return TaskExecution.from(scdf.taskExecution(id));
    }

    /**
     * The child executions the composed task runner {@code runnerId} launched, in the order they
     * started. SCDF lists the newest first, and children always come after their runner, so pages
     * are read only until one reaches back past the runner.
     */
    public List<TaskExecution> childrenOf(long runnerId) {
        List<TaskExecution> children = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = scdf.get("/tasks/executions?size=" + PAGE_SIZE + "&page=" + page);
            long oldestOnPage = Long.MAX_VALUE;
            for (JsonNode json : answer.path("_embedded").path("taskExecutionResourceList")) {
                TaskExecution execution = TaskExecution.from(json);
                oldestOnPage = Math.min(oldestOnPage, execution.id());
                if (execution.parentId().filter(parent -> parent == runnerId).isPresent()) {
                    children.add(execution);
                }
            }
            int totalPages = answer.path("page").path("totalPages").asInt(1);
            if (oldestOnPage <= runnerId || page + 1 >= totalPages) {
                break;
            }
        }
        children.sort(Comparator.comparing(TaskExecution::start).thenComparingLong(TaskExecution::id));
        return children;
    }
}
