package io.offstream.consumer.core.polling;

import java.time.Duration;

/**
 * Derives {@code max.poll.records} from the service's p99 latency: a poll's records must be
 * finished well inside {@code max.poll.interval.ms} even if every call took the p99, given how many
 * calls run at once. {@code records = floor(safety * interval / p99 * concurrency)}, clamped.
 */
public final class MaxPollRecordsAdvisor {

    private static final int KAFKA_DEFAULT = 500;

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
     * For a window of {@code maxInFlight} calls, at half the poll interval: from one record up to
     * the larger of the window and Kafka's default of 500 (a poll is also the pipeline's read-ahead,
     * and small polls cost a round trip each).
     */
    public static MaxPollRecordsAdvisor forWindow(Duration maxPollInterval, int maxInFlight) {
        return new MaxPollRecordsAdvisor(maxPollInterval, maxInFlight, 0.5, 1, Math.max(maxInFlight, KAFKA_DEFAULT));
    }

    public int recommend(Duration p99) {
        long p99Nanos = Math.max(1, p99.toNanos());
        double records = safetyFactor * maxPollInterval.toNanos() / (double) p99Nanos * concurrency;
        return (int) Math.max(floor, Math.min(ceiling, Math.floor(records)));
    }
}
