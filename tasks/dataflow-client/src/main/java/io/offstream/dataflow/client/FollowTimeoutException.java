package io.offstream.dataflow.client;

import java.time.Duration;

/** A followed child did not end within the follower's {@code maxWait}; the follower asked SCDF to stop it. */
public class FollowTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long executionId;

    public FollowTimeoutException(String label, long executionId, Duration maxWait) {
        super(label + " (task execution " + executionId + ") did not end within " + maxWait.toSeconds() + " s; it was asked to stop");
        this.executionId = executionId;
    }

    public long executionId() {
        return executionId;
    }
}
