package io.offstream.tasks.dispatch.supervise;

/**
 * How a region's SCDF answered a child's launch.
 *
 * @param executionId the task execution id when {@link Kind#LAUNCHED}, else -1
 */
public record LaunchOutcome(Kind kind, long executionId, String message) {

    public enum Kind {
        LAUNCHED,
        /** Its platform account runs as many tasks as it may: the region is sound, the child waits for room. */
        FULL,
        /** Refused for another reason, or SCDF did not answer: the region fails the child. */
        FAILED
    }

    static LaunchOutcome launched(long executionId) {
        return new LaunchOutcome(Kind.LAUNCHED, executionId, null);
    }

    static LaunchOutcome of(Kind kind, String message) {
        return new LaunchOutcome(kind, -1, message);
    }
}
