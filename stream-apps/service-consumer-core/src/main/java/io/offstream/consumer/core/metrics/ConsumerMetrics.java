package io.offstream.consumer.core.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The consumer's meters, all named {@code offstream.*} and tagged with the service. In Prometheus
 * they read e.g. {@code offstream_consumer_records_in_total{service="risk"}} or
 * {@code offstream_service_latency_seconds_bucket}.
 */
public final class ConsumerMetrics {

    private final MeterRegistry registry;

    private final Tags tags;

    private final Counter recordsIn;

    private final Counter recordsOut;

    private final Counter failedTransient;

    private final Counter failedPermanent;

    private final Counter retries;

    private final Counter pauses;

    private final Counter resumes;

    private final Counter rateLimiterWaits;

    private final Counter commits;

    private final Timer serviceLatency;

    public ConsumerMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.tags = Tags.of("service", service);
        this.recordsIn = counter("offstream.consumer.records.in", "Ingress records polled");
        this.recordsOut = counter("offstream.consumer.records.out", "Results acknowledged on egress");
        this.failedTransient = Counter.builder("offstream.consumer.records.failed").tags(tags).tag("kind", "transient")
                .description("Service calls that failed").register(registry);
        this.failedPermanent = Counter.builder("offstream.consumer.records.failed").tags(tags).tag("kind", "permanent")
                .description("Service calls that failed").register(registry);
        this.retries = counter("offstream.consumer.retries", "Service calls retried after a transient failure");
        this.pauses = counter("offstream.consumer.pauses", "Times consumption was paused (worker pool saturated)");
        this.resumes = counter("offstream.consumer.resumes", "Times consumption resumed");
        this.rateLimiterWaits = counter("offstream.consumer.rate.limiter.waits", "Service calls that waited for a rate-limiter permit");
        this.commits = counter("offstream.consumer.commits", "Offset commits sent");
        this.serviceLatency = Timer.builder("offstream.service.latency").tags(tags)
                .description("Service call latency, retries counted as separate calls")
                // buckets only: Prometheus computes quantiles from them, and client-side percentiles
                // would update three more histograms on every call
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).tags(tags).description(description).register(registry);
    }

    public void recordIn(int count) {
        recordsIn.increment(count);
    }

    public void recordOut() {
        recordsOut.increment();
    }

    public void recordFailure(boolean isTransient) {
        (isTransient ? failedTransient : failedPermanent).increment();
    }

    public void recordRetry() {
        retries.increment();
    }

    public void recordDeadLettered(String stage) {
        Counter.builder("offstream.consumer.records.dead.lettered").tags(tags).tag("stage", stage)
                .description("Records sent to the run's DLQ").register(registry).increment();
    }

    public void recordPause() {
        pauses.increment();
    }

    public void recordResume() {
        resumes.increment();
    }

    public void recordRateLimiterWait() {
        rateLimiterWaits.increment();
    }

    public void recordCommit() {
        commits.increment();
    }

    public void recordServiceLatency(long nanos) {
        serviceLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
