package io.offstream.consumer.core.polling;

import java.time.Duration;

/**
 * Derives {@code max.poll.records} from the service's p99 latency: a poll's records must be
 * finished well inside {@code max.poll.interval.ms} even if every call took the p99, given how many
 * calls run at once. {@code records = floor(safety * interval / p99 * concurrency)}, clamped.
 */
public final class MaxPollRecordsAdvisor {

    private static final int KAFKA_DEFAULT = 500;

    private static final int LARGEST_DERIVED = 5_000;

    private final Duration maxPollInterval;

    private final int concurrency;

    private final double safetyFactor;

    private final int floor;

    private final int ceiling;

    public MaxPollRecordsAdvisor(Duration maxPollInterval, int concurrency, double safetyFactor, int floor, int ceiling) {
        if (maxPollInterval.isZero() || maxPollInterval.isNegative()) {
            throw new IllegalArgumentException("maxPollInterval must be positive");
        }
        if (concurrency < 1 || floor < 1 || ceiling < floor || safetyFactor <= 0 || safetyFactor > 1) {
            throw new IllegalArgumentException("invalid advisor settings: concurrency=" + concurrency
                    + " floor=" + floor + " ceiling=" + ceiling + " safety=" + safetyFactor);
        }
        this.maxPollInterval = maxPollInterval;
        this.concurrency = concurrency;
        this.safetyFactor = safetyFactor;
        this.floor = floor;
        this.ceiling = ceiling;
    }

    /**
     * For a window of {@code maxInFlight} calls, at half the poll interval: from one record up to the
     * largest of the window, Kafka's default of 500 and a fifth of {@code maxUncommitted} (at most
     * 5,000). A poll is also the unit of the pipeline's read-ahead (four polls), and with a fifth the
     * read-ahead and the poll being worked on fit under the uncommitted bound, so a full read-ahead
     * alone does not pause delivery. Small polls cost the listener a round trip and a commit each: a
     * no-op service ran at 34,800 records/s with polls of 500 and 43,800 with 5,000.
     */
    public static MaxPollRecordsAdvisor forWindow(Duration maxPollInterval, int maxInFlight, int maxUncommitted) {
        int ceiling = Math.max(Math.max(maxInFlight, KAFKA_DEFAULT), Math.min(LARGEST_DERIVED, maxUncommitted / 5));
        return new MaxPollRecordsAdvisor(maxPollInterval, maxInFlight, 0.5, 1, ceiling);
    }

    public int recommend(Duration p99) {
        long p99Nanos = Math.max(1, p99.toNanos());
        double records = safetyFactor * maxPollInterval.toNanos() / (double) p99Nanos * concurrency;
        return (int) Math.max(floor, Math.min(ceiling, Math.floor(records)));
    }
}
