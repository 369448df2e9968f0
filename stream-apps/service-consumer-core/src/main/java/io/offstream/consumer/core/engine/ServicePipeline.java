package io.offstream.consumer.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.core.flow.BackpressureGate;
import io.offstream.consumer.core.invoke.ServiceInvoker;
import io.offstream.consumer.core.metrics.ConsumerMetrics;
import io.offstream.consumer.core.offsets.DeliveredBatches;
import io.offstream.consumer.core.polling.LatencyRecorder;
import io.offstream.consumer.core.polling.MaxPollRecordsAdvisor;
import io.offstream.consumer.core.ratelimit.CallRateLimiter;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.timeout.CallDeadlines;
import io.offstream.consumer.core.window.InFlightWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Offstream adds between the listener container and the service: each delivered record is
 * admitted into a bounded in-flight window that spans polls, with per-key lanes (so concurrency is
 * not limited by partitions), waits for a rate-limiter permit, is decoded and handed to the service
 * asynchronously under a call timeout, retried on transient failures, and its result written to the
 * run's egress topic (or the record to its DLQ) through the {@link RecordSink}. A delivered batch is
 * committed only once every record in it and in every batch before it is acknowledged by Kafka.
 *
 * <p>Threads: the container's listener thread calls {@link #accept} with each polled batch; a small dispatcher starts
 * the records it admits (and those a dead letter lets in), the thread that wrote a result starts the
 * record taking its slot; the invoker runs calls (worker pool or HTTP client); a scheduler serves rate-limiter
 * permits and backoffs; the sink's completions only do bookkeeping. Records the window has no
 * room for wait in a read-ahead of a few polls; when it is full (or too much is uncommitted),
 * delivery is paused through {@link FlowControl} and resumed once it drains.
 */
public final class ServicePipeline<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServicePipeline.class);

    private final ServiceConsumerSettings settings;

    private final ServiceInvoker<I, O> invoker;

    private final RecordCodecs<I, O> codecs;

    private final RecordSink sink;

    private final FlowControl flow;

    private final ConsumerMetrics metrics;

    private final DeliveredBatches batches = new DeliveredBatches();

    private final InFlightWindow window;

    private final BackpressureGate gate;

    private final CallRateLimiter limiter;

    private final CallDeadlines deadlines;

    private final LatencyRecorder latencies = new LatencyRecorder(4096);

    private final MaxPollRecordsAdvisor advisor;

    private final int maxPollRecords;

    private final ScheduledExecutorService scheduler;

    private final ExecutorService dispatcher;

    /** Delivered records waiting for room in the window: the read-ahead, a few polls (delivery pauses). */
    private final ArrayDeque<Work> waiting = new ArrayDeque<>();

    private final Trampoline startHere = new Trampoline();

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
        this.limiter = new CallRateLimiter(settings.rateLimit(), scheduler);
        this.deadlines = new CallDeadlines(settings.callTimeout(), scheduler);
        this.advisor = MaxPollRecordsAdvisor.forWindow(settings.maxPollInterval(), settings.maxInFlight(),
                settings.maxUncommitted());
        this.maxPollRecords = settings.maxPollRecords() > 0 ? settings.maxPollRecords()
                : advisor.recommend(settings.expectedP99());
        // a few polls read ahead: the window refills while the next poll is on its way
        this.gate = BackpressureGate.forPolls(maxPollRecords, settings.resumeFraction(), settings.maxUncommitted());
        registerGauges();
    }

    // ---------------------------------------------------------------- listener thread

    /**
     * Takes one delivered batch; never blocks. {@code commit} (the container's acknowledgment of the
     * batch) runs once every record in it and in every earlier batch is written. After a failure, or
     * once draining began, batches are left uncommitted, so they are delivered again after a restart.
     */
    public void accept(List<InboundRecord> records, Runnable commit) {
        if (records.isEmpty() || !accepting || failure.get() != null) {
            return;
        }
        DeliveredBatches.Batch batch = batches.deliver(records.size(), () -> {
            metrics.recordCommit();
            commit.run();
        });
        metrics.recordIn(records.size());
        // lane keys hashed before the lock, which the workers releasing records wait on
        List<Work> delivered = new ArrayList<>(records.size());
        for (InboundRecord record : records) {
            delivered.add(new Work(record, batch, LaneKey.of(record)));
        }
        synchronized (waiting) {
            for (Work work : delivered) {
                if (waiting.isEmpty() && window.hasRoom()) {
                    window.admit(work.lane(), () -> start(work));
                }
                else {
                    waiting.addLast(work);
                }
            }
            applyBackpressure();
        }
    }

    /**
     * Partitions this consumer is about to give up (called on the listener thread before the
     * container commits them): waits, up to the shutdown grace, until every batch delivered so far
     * is written and acknowledged, so the container's commit covers exactly what was processed.
     * While draining for a stop, or after a failure, it does not wait: what is unfinished stays
     * uncommitted and is delivered again.
     */
    public void revoking(Collection<?> partitions) {
        if (!accepting || failure.get() != null) {
            return;
        }
        long mark = batches.delivered();
        try {
            if (!batches.awaitCommitted(mark, settings.shutdownGrace().toMillis())) {
                fail(new IllegalStateException("Partitions " + partitions + " were revoked, and the records delivered before"
                        + " were not all written within " + settings.shutdownGrace()));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        deadlines.close();
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
        switch (gate.decide(paused, waiting.size(), batches.uncommitted())) {
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
    private void release(Work work) {
        release(work, dispatcher);
    }

    /**
     * {@link #release(Work)}, starting the records it lets in on this thread, after the locks: a
     * result's writer has just finished its own record, and starting the next one here saves a hop
     * to the dispatcher. Through the {@link Trampoline}: when this runs inside such a start on the
     * same thread (the call finished before its callbacks were registered), the records wait for
     * that loop rather than nesting. Not on a dead-letter path: a run of undecodable records would
     * keep one thread busy.
     */
    private void releaseAndStartHere(Work work) {
        List<Runnable> ready = new ArrayList<>(2);
        release(work, ready::add);
        ready.forEach(startHere::execute);
    }

    private void release(Work work, Executor startOn) {
        window.complete(work.lane(), startOn);
        synchronized (waiting) {
            while (!waiting.isEmpty() && window.hasRoom()) {
                Work next = waiting.pollFirst();
                window.admit(next.lane(), () -> start(next), startOn);
            }
            applyBackpressure();
        }
    }

    private void written(Work work) {
        // only a commit lowers the uncommitted count, which may let delivery resume: once a batch, not once
        // a record, this thread (the producer's) takes the lock the workers release records under
        if (batches.complete(work.batch()) && paused) {
            synchronized (waiting) {
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

    private void start(Work work) {
        I request;
        try {
            request = codecs.decoder().apply(work.record().value());
        }
        catch (RuntimeException e) {
            deadLetter(work, new RecordSink.DeadLetter("decode", e, 0));
            return;
        }
        attempt(work, request, 1);
    }

    private void attempt(Work work, I request, int attempt) {
        CompletableFuture<Void> permit = limiter.acquire();
        if (permit.isDone()) {
            call(work, request, attempt); // most calls: no stage in between
        }
        else {
            metrics.recordRateLimiterWait();
            permit.whenComplete((ok, error) -> guarded(work, () -> {
                if (error == null) {
                    call(work, request, attempt);
                }
                else {
                    settle(work, request, attempt, null, error);
                }
            }));
        }
    }

    /**
     * Calls the service. A call that hangs must not hold its slot and its key's lane forever: past the
     * call timeout it fails with a TimeoutException (transient by default, so retried), even if the
     * service is still busy. One callback on the call for the watch, the latency and what follows.
     */
    private void call(Work work, I request, int attempt) {
        long started = System.nanoTime();
        CompletableFuture<O> call;
        try {
            call = invoker.invoke(request);
        }
        catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        deadlines.watch(call, (result, error) -> guarded(work, () -> {
            long took = System.nanoTime() - started;
            latencies.record(took);
            metrics.recordServiceLatency(took);
            settle(work, request, attempt, result, error);
        }));
    }

    /** What follows a call: the result written, or the failure retried or dead-lettered. */
    private void settle(Work work, I request, int attempt, O result, Throwable error) {
        if (error == null) {
            publish(work, result, attempt);
            return;
        }
        Throwable cause = ExceptionClassifier.unwrap(error);
        boolean isTransient = settings.classifier().isTransient(cause);
        metrics.recordFailure(isTransient);
        if (isTransient && settings.retry().allowsAnotherAfter(attempt) && failure.get() == null) {
            metrics.recordRetry();
            long backoff = settings.retry().backoffAfter(attempt).toMillis();
            scheduler.schedule(() -> attempt(work, request, attempt + 1), backoff, TimeUnit.MILLISECONDS);
        }
        else {
            deadLetter(work, new RecordSink.DeadLetter("service", cause, attempt));
        }
    }

    /**
     * Runs a record's next step inside a future's callback, where an exception would be swallowed
     * and the record left in flight for good: the pipeline stops instead, so the record stays
     * uncommitted and is delivered again after a restart.
     */
    private void guarded(Work work, Runnable step) {
        try {
            step.run();
        }
        catch (RuntimeException | Error e) {
            if (fail(e)) {
                log.error("Handling {} failed; stopping", work.record(), e);
            }
        }
    }

    private void publish(Work work, O result, int attempts) {
        byte[] value;
        try {
            value = codecs.encoder().apply(result);
        }
        catch (RuntimeException e) {
            deadLetter(work, new RecordSink.DeadLetter("service", e, attempts));
            return;
        }
        writeResult(work, value, 1);
        releaseAndStartHere(work);
    }

    /**
     * A result the egress topic did not take is not the service's failure: it is written again
     * (the producer has already retried within its delivery timeout), and if that fails too the
     * pipeline stops before committing past it, so nothing is lost or dead-lettered wrongly.
     */
    private void writeResult(Work work, byte[] value, int attempt) {
        InboundRecord record = work.record();
        send(() -> sink.result(record, value)).whenComplete((ok, error) -> guarded(work, () -> {
            if (error == null) {
                metrics.recordOut();
                written(work);
            }
            else if (attempt < settings.egressAttempts() && failure.get() == null) {
                log.warn("Writing the result of {} failed (attempt {} of {}), writing it again: {}", record, attempt,
                        settings.egressAttempts(), ExceptionClassifier.unwrap(error).toString());
                scheduler.schedule(() -> writeResult(work, value, attempt + 1),
                        settings.retry().backoffAfter(attempt).toMillis(), TimeUnit.MILLISECONDS);
            }
            else if (fail(ExceptionClassifier.unwrap(error))) {
                log.error("Cannot write the result of {} to the egress topic; stopping", record, ExceptionClassifier.unwrap(error));
            }
        }));
    }

    private void deadLetter(Work work, RecordSink.DeadLetter reason) {
        InboundRecord record = work.record();
        if (!"decode".equals(reason.stage())) {
            log.debug("Dead-lettering {} at {}: {}", record, reason.stage(), reason.error().toString());
        }
        // the DLQ publisher waits for its send: not on a caller's thread (an HTTP client's or the producer's)
        CompletableFuture.supplyAsync(() -> send(() -> sink.deadLetter(record, reason)), dispatcher)
                .thenCompose(sent -> sent)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        metrics.recordDeadLettered(reason.stage());
                        written(work);
                    }
                    else if (fail(ExceptionClassifier.unwrap(error))) {
                        // neither egress nor DLQ took the record: stop before committing past it
                        log.error("Cannot write {} to the DLQ; stopping", record, ExceptionClassifier.unwrap(error));
                    }
                });
        release(work);
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

    /**
     * A record's lane in the window: its topic and key, hashed once. The window looks it up when the
     * record is admitted and again when it completes, and a key's bytes would be hashed each time.
     */
    private static final class LaneKey {

        private final String topic;

        private final byte[] key;

        private final int hash;

        private LaneKey(String topic, byte[] key) {
            this.topic = topic;
            this.key = key;
            this.hash = 31 * topic.hashCode() + Arrays.hashCode(key);
        }

        /** The record's lane; null (no ordering constraint) for a record without a key. */
        static LaneKey of(InboundRecord record) {
            return record.key() == null ? null : new LaneKey(record.topic(), record.key());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LaneKey that && hash == that.hash && topic.equals(that.topic) && Arrays.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A record on its way through the pipeline, the delivered batch it belongs to, and its lane. */
    private record Work(InboundRecord record, DeliveredBatches.Batch batch, LaneKey lane) {
    }

    private void registerGauges() {
        metrics.gauge("offstream.consumer.in.flight", "Records admitted and not yet released to egress/DLQ", window::inFlight);
        metrics.gauge("offstream.consumer.in.flight.max", "Most records ever in flight at once", window::highWaterMark);
        metrics.gauge("offstream.consumer.in.flight.limit", "The in-flight bound", window::capacity);
        metrics.gauge("offstream.consumer.waiting", "Delivered records waiting for room in the window", () -> waitingCount);
        metrics.gauge("offstream.consumer.uncommitted", "Delivered records not yet committed (bounded by max-uncommitted)",
                batches::uncommitted);
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
