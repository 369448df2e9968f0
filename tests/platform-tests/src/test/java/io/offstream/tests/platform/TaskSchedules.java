package io.offstream.tests.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.testsupport.dataflow.DataFlowClient;

/**
 * SCDF's schedule endpoints as the dashboard and the shell call them, and the task executions a
 * schedule produced, for the scheduling tests.
 */
final class TaskSchedules {

    private static final DateTimeFormatter SCDF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final DataFlowClient dataflow;

    TaskSchedules(DataFlowClient dataflow) {
        this.dataflow = dataflow;
    }

    /** {@code POST /tasks/schedules}, form-encoded as the shell and curl send it. */
    void create(String scheduleName, String taskDefinitionName, String cron, Map<String, String> properties,
            List<String> arguments, String platform) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scheduleName", scheduleName);
        form.put("taskDefinitionName", taskDefinitionName);
        List<String> pairs = new ArrayList<>();
        pairs.add("scheduler.cron.expression=" + cron);
        properties.forEach((key, value) -> pairs.add(key + "=" + value));
        form.put("properties", String.join(",", pairs));
        if (!arguments.isEmpty()) {
            form.put("arguments", String.join(" ", arguments));
        }
        if (platform != null) {
            form.put("platform", platform);
        }
        dataflow.send("POST", "/tasks/schedules", form);
    }

    void create(String scheduleName, String taskDefinitionName, String cron) {
        create(scheduleName, taskDefinitionName, cron, Map.of(), List.of(), null);
    }

    void destroy(String scheduleName) {
        dataflow.send("DELETE", "/tasks/schedules/" + scheduleName, Map.of());
    }

    /** The schedules listed for a platform account (the dashboard asks account by account). */
    List<JsonNode> list(String platform) {
        List<JsonNode> schedules = new ArrayList<>();
        dataflow.get("/tasks/schedules?platform=" + platform).at("/_embedded/scheduleInfoResourceList")
                .forEach(schedules::add);
        return schedules;
    }

    List<String> names(String platform) {
        return list(platform).stream().map(schedule -> schedule.path("scheduleName").asText()).collect(Collectors.toList());
    }

    /** The task definition's executions, oldest first. */
    List<JsonNode> executionsOf(String taskDefinitionName) {
        List<JsonNode> executions = new ArrayList<>();
        dataflow.get("/tasks/executions?size=500&name=" + taskDefinitionName).at("/_embedded/taskExecutionResourceList")
                .forEach(executions::add);
        executions.sort(Comparator.comparingLong(execution -> execution.path("executionId").asLong()));
        return executions;
    }

    /** Polls until the definition's executions satisfy the condition; returns them. */
    List<JsonNode> awaitExecutions(String taskDefinitionName, Predicate<List<JsonNode>> condition, Duration timeout,
            String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> executions = executionsOf(taskDefinitionName);
            if (condition.test(executions)) {
                return executions;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Within " + timeout + " expected " + what + " of " + taskDefinitionName
                        + ", got " + executions.size() + ": " + executions);
            }
            pause(Duration.ofMillis(500));
        }
    }

    static boolean ended(JsonNode execution) {
        return !execution.path("endTime").isNull() && !execution.path("endTime").isMissingNode();
    }

    static OffsetDateTime time(JsonNode execution, String field) {
        return OffsetDateTime.parse(execution.path(field).asText(), SCDF_TIME);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
