package io.offstream.tests.runbenchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One SCDF task execution, the fields the benchmark reads ({@code GET /tasks/executions/{id}}).
 * {@code end} and {@code exitCode} are empty while it runs.
 */
public record TaskExecution(long id, String taskName, Optional<Long> parentId, Instant start, Optional<Instant> end,
        Optional<Integer> exitCode, String exitMessage) {

    // SCDF 2.11 writes "2026-12-01T13:56:47.767+0000" (no colon in the offset); ISO's "+00:00" is accepted too
    private static final DateTimeFormatter SCDF_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    public static TaskExecution from(JsonNode json) {
        return new TaskExecution(json.path("executionId").asLong(), json.path("taskName").asText(),
                present(json, "parentExecutionId").map(JsonNode::asLong), time(json.path("startTime").asText()),
                present(json, "endTime").map(n -> time(n.asText())), present(json, "exitCode").map(JsonNode::asInt),
                json.path("exitMessage").asText(""));
    }

    public boolean ended() {
        return end.isPresent();
    }

    public boolean succeeded() {
        return exitCode.filter(code -> code == 0).isPresent();
    }

    /** Start to end; empty while it runs. */
    public Optional<Duration> duration() {
        return end.map(e -> Duration.between(start, e));
    }

    private static Optional<JsonNode> present(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    static Instant time(String text) {
        return OffsetDateTime.parse(text, SCDF_TIME).toInstant();
    }
}
