package io.offstream.dataflow.client;

import java.util.List;

/**
 * A task execution as SCDF reports it ({@code GET /tasks/executions/{id}}); {@code ended} once it
 * has an end time. {@code arguments} are those it was launched with.
 */
public record TaskExecutionState(long executionId, String taskName, boolean ended, Integer exitCode, String exitMessage,
        String errorMessage, List<String> arguments, List<Long> jobExecutionIds) {

    /** The exit code a task stopped through SCDF ends with (SIGTERM): a user's stop, not a lost platform. */
    public static final int STOPPED_EXIT_CODE = 143;

    /** The exit code and message Offstream's SCDF server records for a task whose process died without an end. */
    public static final int LOST_EXIT_CODE = 255;

    public static final String LOST_EXIT_MESSAGE = "LOST";

    public TaskExecutionState {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        jobExecutionIds = jobExecutionIds == null ? List.of() : List.copyOf(jobExecutionIds);
    }

    /** The fields the orchestration reads, without name, arguments or jobs (fakes in tests). */
    public TaskExecutionState(long executionId, boolean ended, Integer exitCode, String exitMessage, String errorMessage) {
        this(executionId, null, ended, exitCode, exitMessage, errorMessage, List.of(), List.of());
    }

    public boolean succeeded() {
        return ended && exitCode != null && exitCode == 0;
    }

    /**
     * Ended by the server on a dead process's behalf (it was killed from outside), not by the
     * task: lost, not failed.
     */
    public boolean recordedLost() {
        return ended && exitCode != null && exitCode == LOST_EXIT_CODE && LOST_EXIT_MESSAGE.equals(exitMessage);
    }

    /**
     * Ended because its process was lost, not because its work failed: no exit code, a negative
     * one, or death by a signal other than SCDF's stop. Running it elsewhere may well succeed.
     */
    public boolean lostByPlatform() {
        return ended && (exitCode == null || exitCode < 0 || (exitCode >= 128 && exitCode != STOPPED_EXIT_CODE));
    }

    public boolean stopped() {
        return ended && exitCode != null && exitCode == STOPPED_EXIT_CODE;
    }

    /** Exit code, exit message and the first line of the error message in one line. */
    public String describe() {
        StringBuilder text = new StringBuilder("task execution ").append(executionId).append(" exited ").append(exitCode);
        if (exitMessage != null && !exitMessage.isBlank()) {
            text.append(" (").append(exitMessage.strip()).append(')');
        }
        if (errorMessage != null && !errorMessage.isBlank()) {
            text.append(": ").append(errorMessage.strip().lines().findFirst().orElse(""));
        }
        return text.toString();
    }
}
