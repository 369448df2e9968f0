package io.offstream.consumer.core.engine;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.core.flow.BackpressureGate;
import io.offstream.consumer.core.invoke.ServiceInvoker;
import io.offstream.consumer.core.metrics.ConsumerMetrics;
import io.offstream.consumer.core.offsets.OffsetTracker;
import io.offstream.consumer.core.polling.LatencyRecorder;
import io.offstream.consumer.core.polling.MaxPollRecordsAdvisor;
import io.offstream.consumer.core.ratelimit.CallRateLimiter;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.window.InFlightWindow;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Offstream adds between the listener container and the service: each delivered record is
 * admitted into a bounded in-flight window that spans polls, with per-key lanes (so concurrency is
 * not limited by partitions), waits for a rate-limiter permit, is decoded and handed to the service
 * asynchronously under a call timeout, retried on transient failures, and its result written to the
 * run's egress topic (or the record to its DLQ) through the {@link RecordSink}. An ingress offset is
 * committed only once every record at or before it is acknowledged by Kafka.
 *
 * <p>Threads: the container's listener thread calls {@link #accept}; a small dispatcher starts
 * records; the invoker runs calls (worker pool or HTTP client); a scheduler serves rate-limiter
 * permits and backoffs; the sink's completions only do bookkeeping. When the window is full and
 * records wait, delivery is paused through {@link FlowControl} and resumed once it drains.
 */
public final class ServicePipeline<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServicePipeline.class);

    private final ServiceConsumerSettings settings;

    private final ServiceInvoker<I, O> invoker;

    private final RecordCodecs<I, O> codecs;

    private final RecordSink sink;

    private final FlowControl flow;

    private final ConsumerMetrics metrics;

    private final OffsetTracker tracker = new OffsetTracker();

    private final InFlightWindow window;

    private final BackpressureGate gate;

    private final CallRateLimiter limiter;

    private final LatencyRecorder latencies = new LatencyRecorder(4096);

    private final MaxPollRecordsAdvisor advisor;

    private final int maxPollRecords;

    private final ScheduledExecutorService scheduler;

    private final ExecutorService dispatcher;

    /** Delivered records waiting for room in the window; at most about two polls' worth (delivery pauses). */
    private final ArrayDeque<InboundRecord> waiting = new ArrayDeque<>();

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private volatile boolean accepting = true;

    private volatile boolean paused;

    private volatile int waitingCount;

    private volatile Consumer<Throwable> failureListener = failed -> { };

    public ServicePipeline(ServiceConsumerSettings settings, ServiceInvoker<I, O> invoker, RecordCodecs<I, O> codecs,
            RecordSink sink, FlowControl flow, MeterRegistry registry) {
        this.settings = settings;
        this.invoker = invoker;
        this.codecs = codecs;
        this.sink = sink;
        this.flow = flow;
        this.metrics = new ConsumerMetrics(registry, settings.service());
        this.scheduler = Executors.newScheduledThreadPool(1, daemon("offstream-scheduler"));
        this.dispatcher = Executors.newFixedThreadPool(2, daemon("offstream-dispatch"));
        this.window = new InFlightWindow(settings.maxInFlight(), dispatcher);
        this.gate = BackpressureGate.forCapacity(settings.maxInFlight(), settings.resumeFraction(), settings.maxUncommitted());
        this.limiter = new CallRateLimiter(settings.rateLimit(), scheduler);
        this.advisor = new MaxPollRecordsAdvisor(settings.maxPollInterval(), settings.maxInFlight(), 0.5, 1,
                settings.maxInFlight());
        this.maxPollRecords = settings.maxPollRecords() > 0 ? settings.maxPollRecords()
                : advisor.recommend(settings.expectedP99());
        registerGauges();
    }

    // ---------------------------------------------------------------- listener thread

    /**
     * Takes one delivered record; never blocks. After a failure, or once draining began, records
     * are left uncommitted, so they are delivered again after a restart.
     */
    public void accept(InboundRecord record) {
        if (!accepting || failure.get() != null) {
            return;
        }
        Runnable commitThrough = record.commitThrough(); // not the record: its payload is not kept until the commit
        tracker.register(record.topicPartition(), record.offset(), () -> {
            metrics.recordCommit();
            commitThrough.run();
        });
        metrics.recordIn(1);
        synchronized (waiting) {
            if (waiting.isEmpty() && window.hasRoom()) {
                window.admit(laneKey(record), () -> start(record));
            }
            else {
                waiting.addLast(record);
            }
            applyBackpressure();
        }
    }

    /** Partitions this consumer lost: their waiting records are dropped and later completions ignored. */
    public void revoked(Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = new HashSet<>(partitions);
        synchronized (waiting) {
            waiting.removeIf(record -> gone.contains(record.topicPartition()));
            applyBackpressure();
        }
        tracker.forget(gone);
    }

    /** Whether delivery is paused for backpressure (newly assigned partitions should start paused). */
    public boolean paused() {
        return paused;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Stops taking records and waits up to the shutdown grace for those in flight to be written and
     * committed; records still waiting are left uncommitted.
     */
    public void drain() {
        accepting = false;
        synchronized (waiting) {
            waiting.clear();
            waitingCount = 0;
        }
        try {
            if (!window.awaitEmpty(settings.shutdownGrace().toMillis())) {
                log.warn("Service consumer of {} stops with {} records still in flight (not committed)", settings.service(),
                        window.inFlight());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        accepting = false;
        invoker.close();
        scheduler.shutdownNow();
        dispatcher.shutdownNow();
    }

    /** Called once, on the thread that saw it, when the pipeline stopped because of {@code failure}. */
    public void onFailure(Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    public Throwable failure() {
        return failure.get();
    }

    public int inFlight() {
        return window.inFlight();
    }

    public int maxInFlight() {
        return window.capacity();
    }

    public long rateLimit() {
        return limiter.permitsPerSecond();
    }

    /** Changes the cap on service calls per second while running (0 = unlimited). */
    public void setRateLimit(long permitsPerSecond) {
        limiter.setPermitsPerSecond(permitsPerSecond);
        log.info("Rate limit of service {} set to {}/s", settings.service(), permitsPerSecond == 0 ? "unlimited" : permitsPerSecond);
    }

    public ServiceConsumerSettings settings() {
        return settings;
    }

    /** {@code max.poll.records} for the listener container: the option, or derived from the expected p99. */
    public int maxPollRecords() {
        return maxPollRecords;
    }

    /** The p99 of recent service calls and the {@code max.poll.records} it calls for. */
    public int recommendedMaxPollRecords() {
        return advisor.recommend(latencies.quantile(0.99, settings.expectedP99()));
    }

    // ---------------------------------------------------------------- flow

    /** Under the {@code waiting} lock. */
    private void applyBackpressure() {
        waitingCount = waiting.size();
        switch (gate.decide(paused, !window.hasRoom(), waiting.size(), window.inFlight(), tracker.pending())) {
            case PAUSE -> {
                paused = true;
                flow.pause();
                metrics.recordPause();
            }
            case RESUME -> {
                paused = false;
                flow.resume();
                metrics.recordResume();
            }
            case KEEP -> {
            }
        }
    }

    /**
     * The record's work is done and its result (or DLQ record) is with the producer, behind the
     * key's earlier results: the slot is free and the key's next record may start. Its offset
     * completes only when Kafka acknowledges the write ({@link #written}).
     */
    private void release(InboundRecord record) {
        window.complete(laneKey(record));
        synchronized (waiting) {
            while (!waiting.isEmpty() && window.hasRoom()) {
                InboundRecord next = waiting.pollFirst();
                window.admit(laneKey(next), () -> start(next));
            }
            applyBackpressure();
        }
    }

    private void written(InboundRecord record) {
        tracker.complete(record.topicPartition(), record.offset());
        if (paused) {
            synchronized (waiting) { // the uncommitted count may have dropped to where delivery resumes
                applyBackpressure();
            }
        }
    }

    /** Stops the pipeline on its first failure; returns whether this was it. */
    private boolean fail(Throwable error) {
        if (!failure.compareAndSet(null, error)) {
            return false;
        }
        accepting = false;
        failureListener.accept(error);
        return true;
    }

    // ---------------------------------------------------------------- per record

    private void start(InboundRecord record) {
        I request;
        try {
            request = codecs.decoder().apply(record.value());
        }
        catch (RuntimeException e) {
            deadLetter(record, new RecordSink.DeadLetter("decode", e, 0));
            return;
        }
        attempt(record, request, 1);
    }

    private void attempt(InboundRecord record, I request, int attempt) {
        CompletableFuture<Void> permit = limiter.acquire();
        if (!permit.isDone()) {
            metrics.recordRateLimiterWait();
        }
        permit.thenCompose(ignored -> timedCall(request)).whenComplete((result, error) -> {
            if (error == null) {
                publish(record, result, attempt);
                return;
            }
            Throwable cause = ExceptionClassifier.unwrap(error);
            boolean isTransient = settings.classifier().isTransient(cause);
            metrics.recordFailure(isTransient);
            if (isTransient && settings.retry().allowsAnotherAfter(attempt) && failure.get() == null) {
                metrics.recordRetry();
                long backoff = settings.retry().backoffAfter(attempt).toMillis();
                scheduler.schedule(() -> attempt(record, request, attempt + 1), backoff, TimeUnit.MILLISECONDS);
            }
            else {
                deadLetter(record, new RecordSink.DeadLetter("service", cause, attempt));
            }
        });
    }

    private CompletableFuture<O> timedCall(I request) {
        long started = System.nanoTime();
        CompletableFuture<O> call;
        try {
            call = invoker.invoke(request);
        }
        catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        // a call that hangs must not hold its slot and its key's lane forever: past the call timeout it
        // fails with a TimeoutException (transient by default, so retried), even if the service is still busy
        return call.orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(described(error)))
                .whenComplete((result, error) -> {
                    long took = System.nanoTime() - started;
                    latencies.record(took);
                    metrics.recordServiceLatency(took);
                });
    }

    private Throwable described(Throwable error) {
        Throwable cause = ExceptionClassifier.unwrap(error);
        if (cause instanceof TimeoutException && cause.getMessage() == null) {
            return new TimeoutException("no result within the call timeout of " + settings.callTimeout());
        }
        return cause;
    }

    private void publish(InboundRecord record, O result, int attempts) {
        byte[] value;
        try {
            value = codecs.encoder().apply(result);
        }
        catch (RuntimeException e) {
            deadLetter(record, new RecordSink.DeadLetter("service", e, attempts));
            return;
        }
        writeResult(record, value, 1);
        release(record);
    }

    /**
     * A result the egress topic did not take is not the service's failure: it is written again
     * (the producer has already retried within its delivery timeout), and if that fails too the
     * pipeline stops before committing past it, so nothing is lost or dead-lettered wrongly.
     */
    private void writeResult(InboundRecord record, byte[] value, int attempt) {
        send(() -> sink.result(record, value)).whenComplete((ok, error) -> {
            if (error == null) {
                metrics.recordOut();
                written(record);
            }
            else if (attempt < settings.egressAttempts() && failure.get() == null) {
                log.warn("Writing the result of {} failed (attempt {} of {}), writing it again: {}", record, attempt,
                        settings.egressAttempts(), ExceptionClassifier.unwrap(error).toString());
                scheduler.schedule(() -> writeResult(record, value, attempt + 1),
                        settings.retry().backoffAfter(attempt).toMillis(), TimeUnit.MILLISECONDS);
            }
            else if (fail(ExceptionClassifier.unwrap(error))) {
                log.error("Cannot write the result of {} to the egress topic; stopping", record, ExceptionClassifier.unwrap(error));
            }
        });
    }

    private void deadLetter(InboundRecord record, RecordSink.DeadLetter reason) {
        if (!"decode".equals(reason.stage())) {
            log.debug("Dead-lettering {} at {}: {}", record, reason.stage(), reason.error().toString());
        }
        // the DLQ publisher waits for its send: not on a caller's thread (an HTTP client's or the producer's)
        CompletableFuture.supplyAsync(() -> send(() -> sink.deadLetter(record, reason)), dispatcher)
                .thenCompose(sent -> sent)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        metrics.recordDeadLettered(reason.stage());
                        written(record);
                    }
                    else if (fail(ExceptionClassifier.unwrap(error))) {
                        // neither egress nor DLQ took the record: stop before committing past it
                        log.error("Cannot write {} to the DLQ; stopping", record, ExceptionClassifier.unwrap(error));
                    }
                });
        release(record);
    }

    private static CompletableFuture<?> send(java.util.function.Supplier<CompletableFuture<?>> write) {
        try {
            return write.get();
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Object laneKey(InboundRecord record) {
        return record.key() == null ? null : new LaneKey(record.topic(), ByteBuffer.wrap(record.key()));
    }

    private record LaneKey(String topic, ByteBuffer key) {
    }

    private void registerGauges() {
        metrics.gauge("offstream.consumer.in.flight", "Records admitted and not yet released to egress/DLQ", window::inFlight);
        metrics.gauge("offstream.consumer.in.flight.max", "Most records ever in flight at once", window::highWaterMark);
        metrics.gauge("offstream.consumer.in.flight.limit", "The in-flight bound", window::capacity);
        metrics.gauge("offstream.consumer.waiting", "Delivered records waiting for room in the window", () -> waitingCount);
        metrics.gauge("offstream.consumer.uncommitted", "Delivered records not yet committed (bounded by max-uncommitted)",
                tracker::pending);
        metrics.gauge("offstream.consumer.paused", "1 while delivery is paused for backpressure", () -> paused ? 1 : 0);
        metrics.gauge("offstream.consumer.rate.limit", "Service calls per second allowed (0 = unlimited)", limiter::permitsPerSecond);
        metrics.gauge("offstream.consumer.max.poll.records", "max.poll.records in use", () -> maxPollRecords);
        metrics.gauge("offstream.consumer.max.poll.records.recommended",
                "max.poll.records the measured p99 latency calls for", this::recommendedMaxPollRecords);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
