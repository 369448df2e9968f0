package io.offstream.tasks.lagwait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.offstream.tasks.support.batch.PhaseLog;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunSample;

/**
 * Where a drain stands: records the consumer has yet to commit, of those ingress published, the
 * commit rate since the wait began and the time left at that rate.
 */
public record DrainProgress(String group, String topic, long remaining, long total, double ratePerSecond, Duration elapsed) {

    /** Time left at the current rate; null while nothing has been committed during the wait. */
    public Duration timeLeft() {
        return ratePerSecond <= 0 ? null : Duration.ofMillis((long) (remaining / ratePerSecond * 1000));
    }

    /** This point of the drain as the run's time series has it: records committed of those published, and the group's lag. */
    public List<RunSample> samples(Phase phase, Instant at) {
        return List.of(new RunSample(phase, RunSample.ROWS, at, total - remaining, total),
                new RunSample(phase, RunSample.lag(group), at, remaining, null));
    }

    public String describe() {
        Duration left = timeLeft();
        return String.format("drain of %s by group %s: %,d of %,d records remaining, %,.0f records/s, %s waited, %s",
                topic, group, remaining, total, ratePerSecond, PhaseLog.formatDuration(elapsed),
                remaining == 0 ? "drained" : left == null ? "no progress yet" : "about " + PhaseLog.formatDuration(left) + " left");
    }
}
