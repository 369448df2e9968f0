package io.offstream.consumer.core.engine;

import java.time.Duration;

import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.RetryPolicy;
import io.offstream.contract.naming.Names;

/**
 * What the pipeline needs, validated on construction. Kafka itself (brokers, client properties,
 * topics, group) is the binder's configuration, not these settings.
 *
 * @param service the service name in topic names and the consumer group ({@code risk}); the run contract's rule
 * @param maxInFlight records admitted and not yet released to egress/DLQ, at most
 * @param resumeFraction after a pause for {@code maxUncommitted}, delivery resumes when uncommitted work drops to this fraction of it
 * @param rateLimit service calls per second, 0 = unlimited (changeable while running)
 * @param retry retries of transient failures (and the backoff between egress writes)
 * @param callTimeout how long one service call may take; past it the call fails with a (transient) timeout
 * @param classifier which failures are transient
 * @param maxPollRecords {@code max.poll.records}; 0 = derived from {@code expectedP99} and {@code maxPollInterval}
 * @param expectedP99 the service's p99 latency before any is measured (for the derivation)
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param maxUncommitted delivery pauses while this many delivered records are not yet committed (behind a slow or
 *        stuck record, later ones complete but cannot be committed): bounds the pipeline's memory
 * @param egressAttempts writes of one result to the egress topic before the pipeline stops
 * @param shutdownGrace how long a stop waits for in-flight records before the binding stops
 */
public record ServiceConsumerSettings(
        String service,
        int maxInFlight,
        double resumeFraction,
        long rateLimit,
        RetryPolicy retry,
        Duration callTimeout,
        ExceptionClassifier classifier,
        int maxPollRecords,
        Duration expectedP99,
        Duration maxPollInterval,
        int maxUncommitted,
        int egressAttempts,
        Duration shutdownGrace) {

    public ServiceConsumerSettings {
        require(Names.isServiceName(service), "service must match " + Names.SERVICE_PATTERN + ", was " + service);
        require(maxInFlight >= 1, "maxInFlight must be >= 1");
        require(resumeFraction >= 0 && resumeFraction < 1, "resumeFraction must be in [0, 1)");
        require(rateLimit >= 0, "rateLimit must be >= 0");
        require(callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(), "callTimeout must be positive");
        require(maxPollRecords >= 0, "maxPollRecords must be >= 0 (0 = derived)");
        require(!expectedP99.isNegative() && !expectedP99.isZero(), "expectedP99 must be positive");
        require(maxPollInterval.toMillis() >= 1000, "maxPollInterval must be at least 1s");
        require(maxUncommitted >= 2, "maxUncommitted must be >= 2");
        require(egressAttempts >= 1, "egressAttempts must be >= 1");
    }

    public static ServiceConsumerSettings defaults(String service) {
        return new ServiceConsumerSettings(service, 256, 0.8, 0, RetryPolicy.defaults(), Duration.ofSeconds(10),
                ExceptionClassifier.defaults(), 0, Duration.ofMillis(100), Duration.ofMinutes(5), 256 * 100, 3,
                Duration.ofSeconds(30));
    }

    public ServiceConsumerSettings withMaxInFlight(int value) {
        return new ServiceConsumerSettings(service, value, resumeFraction, rateLimit, retry, callTimeout, classifier,
                maxPollRecords, expectedP99, maxPollInterval, maxUncommitted, egressAttempts, shutdownGrace);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
