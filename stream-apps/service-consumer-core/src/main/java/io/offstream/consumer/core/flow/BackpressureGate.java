package io.offstream.consumer.core.flow;

/**
 * When to pause and resume consumption. Consumption pauses when the in-flight window is full or
 * polled records wait for room (the worker pool is saturated), and resumes once nothing waits and
 * in-flight work has drained to the resume threshold, so pause/resume does not flap on every record.
 */
public final class BackpressureGate {

    /** What the poll loop should do with its assigned partitions. */
    public enum Decision { PAUSE, RESUME, KEEP }

    private final int resumeAtOrBelow;

    /**
     * @param resumeAtOrBelow resume when in-flight work is at or below this many records
     */
    public BackpressureGate(int resumeAtOrBelow) {
        if (resumeAtOrBelow < 0) {
            throw new IllegalArgumentException("resumeAtOrBelow must be >= 0");
        }
        this.resumeAtOrBelow = resumeAtOrBelow;
    }

    public static BackpressureGate forCapacity(int capacity, double resumeFraction) {
        if (resumeFraction < 0 || resumeFraction >= 1) {
            throw new IllegalArgumentException("resumeFraction must be in [0, 1), was " + resumeFraction);
        }
        return new BackpressureGate((int) Math.floor(capacity * resumeFraction));
    }

    public int resumeAtOrBelow() {
        return resumeAtOrBelow;
    }

    public Decision decide(boolean paused, boolean windowFull, int waiting, int inFlight) {
        if (!paused) {
            return (windowFull || waiting > 0) ? Decision.PAUSE : Decision.KEEP;
        }
        return (waiting == 0 && inFlight <= resumeAtOrBelow) ? Decision.RESUME : Decision.KEEP;
    }
}
