package io.offstream.consumer.app.config;

import java.time.Duration;
import java.util.List;

import io.offstream.consumer.core.engine.ServiceConsumerSettings;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.RetryPolicy;
import io.offstream.contract.naming.Names;
import io.offstream.contract.service.ConsumerLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service consumer's options ({@code offstream.consumer.*}); Kafka itself is configured with the
 * binder's properties ({@code spring.cloud.stream.*}). How the service is called and its
 * schemas come from its catalogue entry; the limits the descriptor's {@code consumer} section
 * gives ({@code max-in-flight}, {@code rate-limit}, {@code retry.max-attempts}, {@code call-timeout},
 * {@code workers}) default to the descriptor's values and override them only when set here.
 *
 * @param service the catalogue entry to serve: topics {@code offstream.<service>.<run>.ingress}, group {@code offstream-<service>}
 * @param maxInFlight records in flight at most (admitted, not yet acknowledged on egress/DLQ); default: the descriptor's {@code consumer.max-in-flight}
 * @param workers in-process worker threads; 0 = the descriptor's {@code consumer.workers}, or the effective
 *        {@code maxInFlight} when that is 0 too
 * @param resumeFraction after a pause for {@code maxUncommitted}, resume when uncommitted work drops to this fraction of it
 * @param rateLimit service calls per second, 0 = unlimited, changeable at {@code /actuator/ratelimit}; default: the descriptor's {@code consumer.rate-limit-per-second}
 * @param callTimeout how long one service call may take before it fails as a (transient) timeout; default: the descriptor's {@code consumer.call-timeout}
 * @param retry retries of transient failures
 * @param maxPollRecords {@code max.poll.records}; 0 = derived from {@code expectedP99}
 * @param expectedP99 service p99 latency assumed before any is measured
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param commitInterval how long an acknowledged offset may wait for its commit (the container's poll timeout)
 * @param maxUncommitted delivery pauses while this many delivered records are not yet committed (later records
 *        complete behind a slow or hung one but cannot be committed before it); 0 = 100 × the effective {@code maxInFlight} (a heavy tail: the slowest call times the rate must fit)
 * @param egressAttempts writes of one result to the egress topic before the consumer stops (the producer retries within each)
 * @param shutdownGrace how long a stop waits for in-flight records
 * @param exitOnFailure exit the process (status 1) when the engine fails, e.g. the DLQ cannot be written,
 *        so a supervisor restarts it from the committed offsets; otherwise health turns DOWN and it stays up
 */
@Validated
@ConfigurationProperties("offstream.consumer")
public record ServiceConsumerProperties(
        @DefaultValue("risk") @NotNull @Pattern(regexp = Names.SERVICE_PATTERN) String service,
        @Min(1) Integer maxInFlight,
        @DefaultValue("0") @Min(0) int workers,
        @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("0.99") double resumeFraction,
        @Min(0) Long rateLimit,
        Duration callTimeout,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("0") @Min(0) int maxPollRecords,
        @DefaultValue("100ms") @NotNull Duration expectedP99,
        @DefaultValue("5m") @NotNull Duration maxPollInterval,
        @DefaultValue("200ms") @NotNull Duration commitInterval,
        @DefaultValue("0") @Min(0) int maxUncommitted,
        @DefaultValue("3") @Min(1) int egressAttempts,
        @DefaultValue("30s") @NotNull Duration shutdownGrace,
        @DefaultValue("true") boolean exitOnFailure) {

    /**
     * @param maxAttempts calls per record, the first included; default: the descriptor's {@code consumer.max-attempts}
     * @param initialBackoff wait before the second call
     * @param multiplier growth of the wait per call
     * @param maxBackoff longest wait
     * @param transientExceptions exception classes (and subclasses) that are retried; others go to the DLQ at once
     */
    public record Retry(
            @Min(1) Integer maxAttempts,
            @DefaultValue("100ms") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5s") @NotNull Duration maxBackoff,
                List<String> transientExceptions) {

        public Retry {
            transientExceptions = transientExceptions == null ? ExceptionClassifier.DEFAULT_TRANSIENT : List.copyOf(transientExceptions);
        }
    }

    /**
     * In-process worker threads: {@code workers}; else the descriptor's {@code consumer.workers}, no more
     * than the calls in flight; else one per call in flight.
     */
    public int effectiveWorkers(ConsumerLimits descriptor) {
        if (workers > 0) {
            return workers;
        }
        int inFlight = effectiveMaxInFlight(descriptor);
        return descriptor.workers() > 0 ? Math.min(descriptor.workers(), inFlight) : inFlight;
    }

    /** The engine's settings: these options where set, the descriptor's {@code consumer} limits otherwise. */
    public ServiceConsumerSettings toSettings(ConsumerLimits descriptor) {
        int attempts = retry.maxAttempts() != null ? retry.maxAttempts() : descriptor.maxAttempts();
        return new ServiceConsumerSettings(service, effectiveMaxInFlight(descriptor), resumeFraction,
                rateLimit != null ? rateLimit : descriptor.rateLimitPerSecond(),
                new RetryPolicy(attempts, retry.initialBackoff(), retry.multiplier(), retry.maxBackoff()),
                callTimeout != null ? callTimeout : descriptor.callTimeout(),
                new ExceptionClassifier(retry.transientExceptions()), maxPollRecords, expectedP99, maxPollInterval,
                maxUncommitted > 0 ? maxUncommitted : 100 * effectiveMaxInFlight(descriptor), egressAttempts, shutdownGrace);
    }

    private int effectiveMaxInFlight(ConsumerLimits descriptor) {
        return maxInFlight != null ? maxInFlight : descriptor.maxInFlight();
    }
}
