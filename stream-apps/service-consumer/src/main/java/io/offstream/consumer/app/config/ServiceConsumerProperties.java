package io.offstream.consumer.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.offstream.consumer.core.engine.ServiceConsumerSettings;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.RetryPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service consumer's options ({@code offstream.consumer.*}).
 *
 * @param service service name: topics {@code offstream.<service>.<run>.ingress}, group {@code offstream-<service>}
 * @param bootstrapServers Kafka bootstrap servers
 * @param mode {@code in-process} (call the service bean) or {@code remote} (POST to {@code remote.url})
 * @param serviceBean in-process mode: name of the {@code Function} bean that is the service's entry point
 * @param requestType Avro class of the ingress values
 * @param resultType Avro class of the egress values
 * @param remote remote mode's endpoint
 * @param maxInFlight records in flight at most (admitted, not yet acknowledged on egress/DLQ)
 * @param workers in-process worker threads; 0 = {@code maxInFlight}
 * @param resumeFraction resume consumption when in-flight work drops to this fraction of {@code maxInFlight}
 * @param rateLimit service calls per second; 0 = unlimited; changeable at {@code /actuator/ratelimit}
 * @param retry retries of transient failures
 * @param maxPollRecords {@code max.poll.records}; 0 = derived from {@code expectedP99}
 * @param expectedP99 service p99 latency assumed before any is measured
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param commitInterval how often completed offsets are committed
 * @param topicRefresh how soon a new run's topic is picked up
 * @param shutdownGrace how long a stop waits for in-flight records
 * @param kafka extra Kafka client properties (consumer and producer), e.g. {@code offstream.consumer.kafka[linger.ms]=10}
 * @param exitOnFailure exit the process (status 1) when the engine fails, e.g. the DLQ cannot be written,
 *        so a supervisor restarts it from the committed offsets; otherwise health turns DOWN and it stays up
 */
@Validated
@ConfigurationProperties("offstream.consumer")
public record ServiceConsumerProperties(
        @DefaultValue("risk") @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String service,
        @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
        @DefaultValue("in-process") @NotNull Mode mode,
        @DefaultValue("riskService") @NotBlank String serviceBean,
        @DefaultValue("io.offstream.schemas.sample.Transaction") @NotBlank String requestType,
        @DefaultValue("io.offstream.schemas.sample.RiskDecision") @NotBlank String resultType,
        @DefaultValue @Valid Remote remote,
        @DefaultValue("256") @Min(1) int maxInFlight,
        @DefaultValue("0") @Min(0) int workers,
        @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("0.99") double resumeFraction,
        @DefaultValue("0") @Min(0) long rateLimit,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("0") @Min(0) int maxPollRecords,
        @DefaultValue("100ms") @NotNull Duration expectedP99,
        @DefaultValue("5m") @NotNull Duration maxPollInterval,
        @DefaultValue("200ms") @NotNull Duration commitInterval,
        @DefaultValue("5s") @NotNull Duration topicRefresh,
        @DefaultValue("30s") @NotNull Duration shutdownGrace,
        Map<String, String> kafka,
        @DefaultValue("true") boolean exitOnFailure) {

    /** Where the service runs. */
    public enum Mode { IN_PROCESS, REMOTE }

    /**
     * @param url the service's endpoint (plain JSON request in, plain JSON result out)
     * @param timeout per-request timeout (a timeout is a transient failure)
     */
    public record Remote(
            @DefaultValue("http://localhost:8082/score") @NotNull URI url,
            @DefaultValue("10s") @NotNull Duration timeout) {
    }

    /**
     * @param maxAttempts calls per record, the first included
     * @param initialBackoff wait before the second call
     * @param multiplier growth of the wait per call
     * @param maxBackoff longest wait
     * @param transientExceptions exception classes (and subclasses) that are retried; others go to the DLQ at once
     */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("100ms") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5s") @NotNull Duration maxBackoff,
            @DefaultValue({"java.io.IOException", "java.util.concurrent.TimeoutException",
                    "io.offstream.consumer.core.retry.TransientServiceException"}) List<String> transientExceptions) {
    }

    public int effectiveWorkers() {
        return workers == 0 ? maxInFlight : workers;
    }

    public ServiceConsumerSettings toSettings() {
        return new ServiceConsumerSettings(service, bootstrapServers, maxInFlight, resumeFraction, rateLimit,
                new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.multiplier(), retry.maxBackoff()),
                new ExceptionClassifier(retry.transientExceptions()), maxPollRecords, expectedP99, maxPollInterval,
                commitInterval, topicRefresh, shutdownGrace, kafka == null ? Map.of() : kafka);
    }
}
