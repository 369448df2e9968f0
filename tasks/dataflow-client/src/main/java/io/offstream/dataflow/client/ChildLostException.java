package io.offstream.dataflow.client;

/**
 * A followed child's process is gone without a recorded end (killed outright), or the server
 * recorded it LOST: neither success nor the child's own failure; running it again may succeed.
 */
public class ChildLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long executionId;

    public ChildLostException(String label, long executionId, String why) {
        super(label + " (task execution " + executionId + ") is lost: " + why);
        this.executionId = executionId;
    }

    public long executionId() {
        return executionId;
    }
}
