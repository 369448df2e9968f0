package io.offstream.dataflow.client;

/**
 * A followed child's process is gone without a recorded end (killed outright), or the server
 * recorded it LOST: neither success nor the child's own failure; running it again may succeed.
 */
public class ChildLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long executionId;

    private final String launcherState;

    /** @param launcherState what the launcher says of the process, e.g. {@code failed} */
    public ChildLostException(String label, long executionId, String launcherState) {
        super(label + " (task execution " + executionId + ") is lost: its process ended (launcher state " + launcherState
                + ") without recording an end");
        this.executionId = executionId;
        this.launcherState = launcherState;
    }

    public long executionId() {
        return executionId;
    }

    public String launcherState() {
        return launcherState;
    }
}
