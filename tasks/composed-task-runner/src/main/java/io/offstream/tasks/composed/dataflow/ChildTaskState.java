package io.offstream.tasks.composed.dataflow;

/** A child task execution as SCDF reports it; {@code ended} once it has an end time. */
public record ChildTaskState(long executionId, boolean ended, Integer exitCode, String exitMessage, String errorMessage) {

    /** The exit code and message Offstream's Data Flow server records for a task whose process died without an end. */
    static final int LOST_EXIT_CODE = 255;

    static final String LOST_EXIT_MESSAGE = "LOST";

    /**
     * Whether the end was recorded by the server on a dead process's behalf (it was killed from
     * outside), not by the child: it is lost, not failed, like one the runner finds gone itself.
     */
    public boolean recordedLost() {
        return ended && exitCode != null && exitCode == LOST_EXIT_CODE && LOST_EXIT_MESSAGE.equals(exitMessage);
    }
}
