package io.offstream.dataflow.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads SCDF's task execution resource. */
final class TaskExecutionJson {

    private TaskExecutionJson() {
    }

    static TaskExecutionState state(JsonNode execution) {
        List<String> arguments = new ArrayList<>();
        execution.path("arguments").forEach(a -> arguments.add(a.asText()));
        List<Long> jobs = new ArrayList<>();
        execution.path("jobExecutionIds").forEach(j -> jobs.add(j.asLong()));
        return new TaskExecutionState(execution.path("executionId").asLong(), text(execution, "taskName"),
                text(execution, "endTime") != null,
                execution.path("exitCode").isNumber() ? execution.path("exitCode").asInt() : null,
                text(execution, "exitMessage"), text(execution, "errorMessage"), arguments, jobs);
    }

    /** The field's text, or null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
