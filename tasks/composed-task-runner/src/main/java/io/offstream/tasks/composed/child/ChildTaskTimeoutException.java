package io.offstream.tasks.composed.child;

import java.time.Duration;

/** A child ran past {@code max-wait-time}; it was asked to stop. */
public class ChildTaskTimeoutException extends RuntimeException {

    public ChildTaskTimeoutException(String childDefinitionName, long executionId, Duration maxWait) {
        super("Child task " + childDefinitionName + " (execution " + executionId + ") did not end within max-wait-time "
                + maxWait + "; it was asked to stop");
    }
}
