package io.offstream.consumer.core.engine;

import java.time.Duration;
import java.util.Map;

import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.RetryPolicy;
import io.offstream.contract.naming.Names;

/**
 * Everything the engine needs, validated on construction.
 *
 * @param service the service name in topic names and the consumer group ({@code risk}); the run contract's rule
 * @param bootstrapServers Kafka bootstrap servers
 * @param maxInFlight records admitted and not yet acknowledged on egress/DLQ, at most
 * @param resumeFraction consumption resumes when in-flight work drops to this fraction of {@code maxInFlight}
 * @param rateLimit service calls per second, 0 = unlimited (changeable while running)
 * @param retry retries of transient failures
 * @param callTimeout how long one service call may take; past it the call fails with a (transient) timeout
 * @param classifier which failures are transient
 * @param maxPollRecords {@code max.poll.records}; 0 = derived from {@code expectedP99} and {@code maxPollInterval}
 * @param expectedP99 the service's p99 latency before any is measured (for the derivation)
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param commitInterval how often completed offsets are committed
 * @param topicRefresh how soon a new run's ingress topic is picked up ({@code metadata.max.age.ms})
 * @param shutdownGrace how long a stop waits for in-flight records before committing and closing
 * @param kafka extra Kafka client properties, for both the consumer and the producer
 */
public record ServiceConsumerSettings(
        String service,
        String bootstrapServers,
        int maxInFlight,
        double resumeFraction,
        long rateLimit,
        RetryPolicy retry,
        Duration callTimeout,
        ExceptionClassifier classifier,
        int maxPollRecords,
        Duration expectedP99,
        Duration maxPollInterval,
        Duration commitInterval,
        Duration topicRefresh,
        Duration shutdownGrace,
        Map<String, String> kafka) {

    public ServiceConsumerSettings {
        require(Names.isServiceName(service), "service must match " + Names.SERVICE_PATTERN + ", was " + service);
        require(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrapServers is required");
        require(maxInFlight >= 1, "maxInFlight must be >= 1");
        require(resumeFraction >= 0 && resumeFraction < 1, "resumeFraction must be in [0, 1)");
        require(rateLimit >= 0, "rateLimit must be >= 0");
        require(callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(), "callTimeout must be positive");
        require(maxPollRecords >= 0, "maxPollRecords must be >= 0 (0 = derived)");
        require(!expectedP99.isNegative() && !expectedP99.isZero(), "expectedP99 must be positive");
        require(maxPollInterval.toMillis() >= 1000, "maxPollInterval must be at least 1s");
        require(!commitInterval.isNegative() && !commitInterval.isZero(), "commitInterval must be positive");
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
    }

    public static ServiceConsumerSettings defaults(String service, String bootstrapServers) {
        return new ServiceConsumerSettings(service, bootstrapServers, 256, 0.8, 0, RetryPolicy.defaults(),
                Duration.ofSeconds(10), ExceptionClassifier.defaults(), 0, Duration.ofMillis(100), Duration.ofMinutes(5),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30), Map.of());
    }

    public ServiceConsumerSettings withMaxInFlight(int value) {
        return new ServiceConsumerSettings(service, bootstrapServers, value, resumeFraction, rateLimit, retry, callTimeout, classifier,
                maxPollRecords, expectedP99, maxPollInterval, commitInterval, topicRefresh, shutdownGrace, kafka);
    }

    public ServiceConsumerSettings withRateLimit(long value) {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, value, retry, callTimeout, classifier,
                maxPollRecords, expectedP99, maxPollInterval, commitInterval, topicRefresh, shutdownGrace, kafka);
    }

    public ServiceConsumerSettings withRetry(RetryPolicy value) {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, rateLimit, value, callTimeout, classifier,
                maxPollRecords, expectedP99, maxPollInterval, commitInterval, topicRefresh, shutdownGrace, kafka);
    }

    public ServiceConsumerSettings withCallTimeout(Duration value) {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, rateLimit, retry, value, classifier,
                maxPollRecords, expectedP99, maxPollInterval, commitInterval, topicRefresh, shutdownGrace, kafka);
    }

    public ServiceConsumerSettings withMaxPollRecords(int value) {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, rateLimit, retry, callTimeout, classifier,
                value, expectedP99, maxPollInterval, commitInterval, topicRefresh, shutdownGrace, kafka);
    }

    public ServiceConsumerSettings withTopicRefresh(Duration value) {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, rateLimit, retry, callTimeout, classifier,
                maxPollRecords, expectedP99, maxPollInterval, commitInterval, value, shutdownGrace, kafka);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
