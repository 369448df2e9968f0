package io.offstream.consumer.core.flow;

/**
 * When to pause and resume delivery. Delivery pauses when the in-flight window is full, delivered
 * records wait for room, or too many delivered records are not yet committed (a record stuck at the
 * head of a partition holds every later one uncommitted: this bounds what that costs in memory). It
 * resumes once nothing waits and both in-flight and uncommitted work have drained to their resume
 * thresholds, so pause/resume does not flap on every record.
 */
public final class BackpressureGate {

    /** What to do with the assigned partitions. */
    public enum Decision { PAUSE, RESUME, KEEP }

    private final int resumeAtOrBelow;

    private final int maxUncommitted;

    private final int resumeUncommittedAtOrBelow;

    /**
     * @param resumeAtOrBelow resume when in-flight work is at or below this many records
     * @param maxUncommitted pause when this many delivered records are not yet committed
     * @param resumeUncommittedAtOrBelow resume when uncommitted records are at or below this many
     */
    public BackpressureGate(int resumeAtOrBelow, int maxUncommitted, int resumeUncommittedAtOrBelow) {
        if (resumeAtOrBelow < 0 || maxUncommitted < 1 || resumeUncommittedAtOrBelow < 0
                || resumeUncommittedAtOrBelow >= maxUncommitted) {
            throw new IllegalArgumentException("need resumeAtOrBelow >= 0 and 0 <= resumeUncommittedAtOrBelow < maxUncommitted");
        }
        this.resumeAtOrBelow = resumeAtOrBelow;
        this.maxUncommitted = maxUncommitted;
        this.resumeUncommittedAtOrBelow = resumeUncommittedAtOrBelow;
    }

    public static BackpressureGate forCapacity(int capacity, double resumeFraction, int maxUncommitted) {
        if (resumeFraction < 0 || resumeFraction >= 1) {
            throw new IllegalArgumentException("resumeFraction must be in [0, 1), was " + resumeFraction);
        }
        return new BackpressureGate((int) Math.floor(capacity * resumeFraction), maxUncommitted,
                (int) Math.floor(maxUncommitted * resumeFraction));
    }

    public int resumeAtOrBelow() {
        return resumeAtOrBelow;
    }

    public Decision decide(boolean paused, boolean windowFull, int waiting, int inFlight, int uncommitted) {
        if (!paused) {
            return (windowFull || waiting > 0 || uncommitted >= maxUncommitted) ? Decision.PAUSE : Decision.KEEP;
        }
        return (waiting == 0 && inFlight <= resumeAtOrBelow && uncommitted <= resumeUncommittedAtOrBelow)
                ? Decision.RESUME : Decision.KEEP;
    }
}
