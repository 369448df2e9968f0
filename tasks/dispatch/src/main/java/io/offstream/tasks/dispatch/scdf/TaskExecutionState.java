package io.offstream.tasks.dispatch.scdf;

/** A task execution as its SCDF reports it; {@code ended} once it has an end time. */
public record TaskExecutionState(long executionId, boolean ended, Integer exitCode, String exitMessage, String errorMessage) {

    /** The exit code a task stopped through SCDF ends with (SIGTERM): the user's stop, not a lost platform. */
    public static final int STOPPED_EXIT_CODE = 143;

    public boolean succeeded() {
        return ended && exitCode != null && exitCode == 0;
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

    /** exit code, exit message and error message in one line. */
    public String describe() {
        StringBuilder text = new StringBuilder("task execution ").append(executionId).append(" exited ").append(exitCode);
        if (exitMessage != null && !exitMessage.isBlank()) {
            text.append(" (").append(exitMessage.strip()).append(')');
        }
        if (errorMessage != null && !errorMessage.isBlank()) {
            String firstLine = errorMessage.strip().lines().findFirst().orElse("");
            text.append(": ").append(firstLine);
        }
        return text.toString();
    }
}
