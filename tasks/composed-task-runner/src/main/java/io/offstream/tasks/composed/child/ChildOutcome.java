package io.offstream.tasks.composed.child;

import java.util.Optional;

import org.springframework.batch.item.ExecutionContext;

/**
 * How a child task execution ended. Its status is what transitions match: the child's exit
 * message when it set one, otherwise COMPLETED (exit code 0) or FAILED.
 */
public record ChildOutcome(long executionId, int exitCode, String status) {

    static final String EXIT_CODE_KEY = "child.exitCode";

    static final String STATUS_KEY = "child.status";

    static final String EXECUTION_ID_KEY = "child.executionId";

    public static ChildOutcome of(long executionId, int exitCode, String exitMessage) {
        String status = exitMessage != null && !exitMessage.isBlank() ? exitMessage.trim() : exitCode == 0 ? "COMPLETED" : "FAILED";
        return new ChildOutcome(executionId, exitCode, status);
    }

    /** For a step that ended without a child outcome (timed out, could not launch). */
    public static ChildOutcome failedWithoutChild(String status) {
        return new ChildOutcome(-1, -1, status == null || status.isBlank() ? "FAILED" : status);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    void writeTo(ExecutionContext context) {
        context.putInt(EXIT_CODE_KEY, exitCode);
        context.putString(STATUS_KEY, status);
    }

    public static Optional<ChildOutcome> readFrom(ExecutionContext context) {
        if (!context.containsKey(EXIT_CODE_KEY)) {
            return Optional.empty();
        }
        long id = context.containsKey(EXECUTION_ID_KEY) ? context.getLong(EXECUTION_ID_KEY) : -1;
        return Optional.of(new ChildOutcome(id, context.getInt(EXIT_CODE_KEY), context.getString(STATUS_KEY)));
    }
}
