package io.offstream.consumer.core.retry;

import java.time.Duration;

/**
 * How often and how patiently a transient failure is retried: exponential backoff from
 * {@code initialBackoff}, multiplied by {@code multiplier} per attempt, capped at {@code maxBackoff}.
 * No jitter, so a run's timing stays reproducible.
 *
 * @param maxAttempts total calls per record, the first included (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param multiplier growth of the wait per further attempt
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5));
    }

    /** Whether a record whose {@code attempt}-th call failed transiently gets another call. */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait after the {@code attempt}-th failed call (attempts count from 1). */
    public Duration backoffAfter(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
