package io.offstream.consumer.core.flow;

/**
 * When to pause and resume delivery. Delivered records the in-flight window has no room for wait
 * in a read-ahead: while it holds fewer than its bound, delivery goes on, so the window is refilled
 * from memory the moment a slot frees and never waits for the next poll's round trip.
 * Delivery pauses when the read-ahead is full, or when too many delivered records are not yet
 * committed (a record stuck at the head of a partition holds every later one uncommitted: this
 * bounds what that costs in memory). It resumes once both have drained to their resume thresholds,
 * so pause/resume does not flap on every record.
 */
public final class BackpressureGate {

    /** What to do with the assigned partitions. */
    public enum Decision { PAUSE, RESUME, KEEP }

    static final int POLLS_READ_AHEAD = 4;

    private final int readAhead;

    private final int resumeWaitingAtOrBelow;

    private final int maxUncommitted;

    private final int resumeUncommittedAtOrBelow;

    /**
     * @param readAhead pause when this many delivered records wait for room in the window
     * @param resumeWaitingAtOrBelow resume when this many or fewer wait
     * @param maxUncommitted pause when this many delivered records are not yet committed
     * @param resumeUncommittedAtOrBelow resume when uncommitted records are at or below this many
     */
    public BackpressureGate(int readAhead, int resumeWaitingAtOrBelow, int maxUncommitted, int resumeUncommittedAtOrBelow) {
        if (readAhead < 1 || resumeWaitingAtOrBelow < 0 || resumeWaitingAtOrBelow >= readAhead || maxUncommitted < 1
                || resumeUncommittedAtOrBelow < 0 || resumeUncommittedAtOrBelow >= maxUncommitted) {
            throw new IllegalArgumentException("need readAhead >= 1, 0 <= resumeWaitingAtOrBelow < readAhead"
                    + " and 0 <= resumeUncommittedAtOrBelow < maxUncommitted");
        }
        this.readAhead = readAhead;
        this.resumeWaitingAtOrBelow = resumeWaitingAtOrBelow;
        this.maxUncommitted = maxUncommitted;
        this.resumeUncommittedAtOrBelow = resumeUncommittedAtOrBelow;
    }

    /**
     * A read-ahead of {@value #POLLS_READ_AHEAD} polls, resumed while one poll still waits (it covers
     * the wake-up and the next fetch), so delivery pauses once every few polls rather than on each;
     * uncommitted records resume at {@code resumeFraction} of {@code maxUncommitted}.
     */
    public static BackpressureGate forPolls(int maxPollRecords, double resumeFraction, int maxUncommitted) {
        if (resumeFraction < 0 || resumeFraction >= 1) {
            throw new IllegalArgumentException("resumeFraction must be in [0, 1), was " + resumeFraction);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
        }
        return new BackpressureGate(POLLS_READ_AHEAD * maxPollRecords, maxPollRecords, maxUncommitted,
                (int) Math.floor(maxUncommitted * resumeFraction));
    }

    public int readAhead() {
        return readAhead;
    }

    public Decision decide(boolean paused, int waiting, int uncommitted) {
        if (!paused) {
            return (waiting >= readAhead || uncommitted >= maxUncommitted) ? Decision.PAUSE : Decision.KEEP;
        }
        return (waiting <= resumeWaitingAtOrBelow && uncommitted <= resumeUncommittedAtOrBelow)
                ? Decision.RESUME : Decision.KEEP;
    }
}
