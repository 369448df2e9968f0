package io.offstream.consumer.core.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service consumer: polls every run's ingress topic of a service, calls the service for each
 * record under a bounded in-flight window with per-key lanes and a rate limiter, retries transient
 * failures, produces each result to the run's egress topic (or the record to its DLQ) and commits
 * an ingress offset only once every record at or before it is acknowledged by Kafka.
 *
 * <p>Threads: one poll thread owns the {@link KafkaConsumer}; a small dispatcher starts records;
 * the invoker runs calls (worker pool or HTTP client); a scheduler serves rate-limiter permits and
 * retry backoffs; completion runs on the producer's callback thread and only does bookkeeping.
 */
public final class ServiceConsumer<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceConsumer.class);

    private final ServiceConsumerSettings settings;

    private final ServiceInvoker<I, O> invoker;

    private final RecordCodecs<I, O> codecs;

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

    private final KafkaProducer<byte[], byte[]> producer;

    private final Thread pollThread;

    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> waiting = new ArrayDeque<>();

    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private volatile boolean running;

    private volatile String state = "NEW";

    private volatile boolean paused;

    private volatile List<String> assignment = List.of();

    private volatile long lag;

    private volatile int waitingCount;

    private volatile java.util.function.Consumer<Throwable> failureListener = failed -> { };

    public ServiceConsumer(ServiceConsumerSettings settings, ServiceInvoker<I, O> invoker, RecordCodecs<I, O> codecs,
            MeterRegistry registry) {
        this.settings = settings;
        this.invoker = invoker;
        this.codecs = codecs;
        this.metrics = new ConsumerMetrics(registry, settings.service());
        this.scheduler = Executors.newScheduledThreadPool(1, daemon("offstream-scheduler"));
        this.dispatcher = Executors.newFixedThreadPool(2, daemon("offstream-dispatch"));
        this.window = new InFlightWindow(settings.maxInFlight(), dispatcher);
        this.gate = BackpressureGate.forCapacity(settings.maxInFlight(), settings.resumeFraction());
        this.limiter = new CallRateLimiter(settings.rateLimit(), scheduler);
        this.advisor = new MaxPollRecordsAdvisor(settings.maxPollInterval(), settings.maxInFlight(), 0.5, 1,
                settings.maxInFlight());
        this.maxPollRecords = settings.maxPollRecords() > 0 ? settings.maxPollRecords()
                : advisor.recommend(settings.expectedP99());
        this.producer = new KafkaProducer<>(producerProperties());
        this.pollThread = new Thread(this::pollLoop, "offstream-poll-" + settings.service());
        registerGauges();
    }

    /** Starts consuming; returns at once. */
    public synchronized ServiceConsumer<I, O> start() {
        if (running || pollThread.isAlive()) {
            return this;
        }
        running = true;
        state = "STARTING";
        pollThread.start();
        return this;
    }

    /** Stops polling, waits up to the shutdown grace for in-flight records, commits and closes. */
    @Override
    public void close() {
        running = false;
        try {
            pollThread.join(settings.shutdownGrace().toMillis() + 30_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        invoker.close();
        scheduler.shutdownNow();
        dispatcher.shutdownNow();
        if (!"FAILED".equals(state)) {
            state = "STOPPED";
        }
    }

    public ConsumerStatus status() {
        Throwable failed = failure.get();
        return new ConsumerStatus(state, RunTopics.consumerGroup(settings.service()),
                RunTopics.ingressPattern(settings.service()).pattern(), assignment, window.inFlight(),
                window.capacity(), limiter.permitsPerSecond(), maxPollRecords,
                failed == null ? null : failed.toString());
    }

    /** Called once, from the poll thread, after the engine stopped because of {@code failure}. */
    public void onFailure(java.util.function.Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    public boolean isFailed() {
        return failure.get() != null;
    }

    public long rateLimit() {
        return limiter.permitsPerSecond();
    }

    /** Changes the cap on service calls per second while running (0 = unlimited). */
    public void setRateLimit(long permitsPerSecond) {
        limiter.setPermitsPerSecond(permitsPerSecond);
        log.info("Rate limit of service {} set to {}/s", settings.service(), permitsPerSecond == 0 ? "unlimited" : permitsPerSecond);
    }

    /** The p99 of recent service calls and the {@code max.poll.records} it calls for. */
    public int recommendedMaxPollRecords() {
        return advisor.recommend(latencies.quantile(0.99, settings.expectedP99()));
    }

    public int maxPollRecords() {
        return maxPollRecords;
    }

    // ---------------------------------------------------------------- poll thread

    private void pollLoop() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(RunTopics.ingressPattern(settings.service()), new Rebalance(consumer));
            state = "RUNNING";
            log.info("Consuming {} as group {} (in-flight {}, max.poll.records {}, rate {}/s)",
                    RunTopics.ingressPattern(settings.service()), RunTopics.consumerGroup(settings.service()),
                    settings.maxInFlight(), maxPollRecords, settings.rateLimit() == 0 ? "unlimited" : settings.rateLimit());
            long nextCommit = 0;
            long nextLag = 0;
            while (running && failure.get() == null) {
                if (paused) {
                    // saturated: wake as soon as work drains instead of sleeping in poll()
                    awaitInFlightAtMost(waiting.isEmpty() ? gate.resumeAtOrBelow() : window.capacity() - 1, 5);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(paused ? Duration.ZERO : Duration.ofMillis(50));
                if (!records.isEmpty()) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        tracker.register(new TopicPartition(record.topic(), record.partition()), record.offset());
                        waiting.addLast(record);
                    }
                    metrics.recordIn(records.count());
                }
                admitWaiting();
                applyBackpressure(consumer);
                long now = System.nanoTime();
                if (now - nextCommit >= 0) {
                    commit(consumer, consumer.assignment(), false);
                    nextCommit = now + settings.commitInterval().toNanos();
                }
                if (now - nextLag >= 0) {
                    updateLag(consumer);
                    nextLag = now + TimeUnit.SECONDS.toNanos(1);
                }
            }
            drainAndCommit(consumer);
        }
        catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            log.error("Service consumer of {} failed", settings.service(), e);
        }
        finally {
            Throwable failed = failure.get();
            state = failed != null ? "FAILED" : "STOPPED";
            if (failed != null) {
                failureListener.accept(failed);
            }
        }
    }

    private void awaitInFlightAtMost(int level, long millis) {
        try {
            window.awaitInFlightAtMost(level, millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void admitWaiting() {
        while (!waiting.isEmpty() && window.hasRoom()) {
            ConsumerRecord<byte[], byte[]> record = waiting.pollFirst();
            window.admit(laneKey(record), () -> start(record));
        }
        waitingCount = waiting.size();
    }

    private void applyBackpressure(KafkaConsumer<byte[], byte[]> consumer) {
        switch (gate.decide(paused, !window.hasRoom(), waiting.size(), window.inFlight())) {
            case PAUSE -> {
                consumer.pause(consumer.assignment());
                paused = true;
                state = "PAUSED";
                metrics.recordPause();
            }
            case RESUME -> {
                consumer.resume(consumer.paused());
                paused = false;
                state = "RUNNING";
                metrics.recordResume();
            }
            case KEEP -> {
            }
        }
    }

    private void drainAndCommit(KafkaConsumer<byte[], byte[]> consumer) {
        state = "STOPPING";
        waiting.clear(); // never started: polled again after a restart, as nothing past them is committed
        waitingCount = 0;
        try {
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            while (System.nanoTime() < deadline && window.inFlight() > 0 && failure.get() == null) {
                window.awaitEmpty(200);
                commit(consumer, consumer.assignment(), false);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush(); // every result handed to the producer is acknowledged before the last commit
        commit(consumer, consumer.assignment(), true);
        log.info("Service consumer of {} stopped with {} records still in flight", settings.service(), window.inFlight());
    }

    private void commit(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, Long> committable = tracker.committable();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long next = committable.getOrDefault(partition, -1L);
            if (tracker.isDrained(partition)) {
                // nothing outstanding: skip over transaction markers or compacted gaps up to the position
                next = Math.max(next, consumer.position(partition));
            }
            Long previous = lastCommitted.get(partition);
            if (next >= 0 && (previous == null || next > previous)) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach((partition, offset) -> lastCommitted.put(partition, offset.offset()));
        metrics.recordCommit();
        if (sync) {
            consumer.commitSync(offsets);
        }
        else {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    log.warn("Commit of {} failed (retried with the next commit): {}", done, error.toString());
                    synchronized (lastCommitted) {
                        offsets.keySet().forEach(lastCommitted::remove);
                    }
                }
            });
        }
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> consumer) {
        long total = tracker.pending();
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag = total;
    }

    /** Keeps the bookkeeping right when partitions move; runs on the poll thread inside poll(). */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> consumer;

        Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            try {
                commit(consumer, partitions, true);
            }
            catch (RuntimeException e) {
                log.warn("Commit on revocation of {} failed: {}", partitions, e.toString());
            }
            forget(partitions);
            log.info("Revoked {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
            log.warn("Lost {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused && !partitions.isEmpty()) {
                consumer.pause(partitions);
            }
            assignment = consumer.assignment().stream().map(TopicPartition::toString).sorted().toList();
            if (!partitions.isEmpty()) {
                log.info("Assigned {}", partitions);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<TopicPartition> gone = new HashSet<>(partitions);
            waiting.removeIf(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
            tracker.forget(gone);
            gone.forEach(lastCommitted::remove);
            List<String> remaining = new ArrayList<>(assignment);
            gone.forEach(p -> remaining.remove(p.toString()));
            assignment = List.copyOf(remaining);
        }
    }

    // ---------------------------------------------------------------- per record

    private void start(ConsumerRecord<byte[], byte[]> record) {
        I request;
        try {
            request = codecs.decoder().apply(record.value());
        }
        catch (RuntimeException e) {
            deadLetter(record, "decode", e, 0, true);
            return;
        }
        attempt(record, request, 1);
    }

    private void attempt(ConsumerRecord<byte[], byte[]> record, I request, int attempt) {
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
                deadLetter(record, "service", cause, attempt, true);
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

    private void publish(ConsumerRecord<byte[], byte[]> record, O result, int attempts) {
        byte[] value;
        try {
            value = codecs.encoder().apply(result);
        }
        catch (RuntimeException e) {
            deadLetter(record, "service", e, attempts, true);
            return;
        }
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(RunTopics.ofIngress(record.topic()).egress(), null, null,
                record.key(), value, copyHeaders(record));
        send(out, (metadata, error) -> {
            if (error == null) {
                metrics.recordOut();
                acknowledged(record);
            }
            else {
                // not on the producer's I/O thread: a DLQ send may block on a full buffer
                dispatcher.execute(() -> deadLetter(record, "produce", error, attempts, false));
            }
        });
        release(record);
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String stage, Throwable error, int attempts,
            boolean releaseSlot) {
        RecordHeaders headers = copyHeaders(record);
        headers.add(RunHeaders.ERROR_CLASS, utf8(error.getClass().getName()));
        headers.add(RunHeaders.ERROR_MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(RunHeaders.ERROR_ATTEMPTS, utf8(Integer.toString(attempts)));
        headers.add(RunHeaders.ERROR_STAGE, utf8(stage));
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(RunTopics.ofIngress(record.topic()).dlq(), null, null,
                record.key(), record.value(), headers);
        if (!"decode".equals(stage)) {
            log.debug("Dead-lettering {}-{}@{} at {}: {}", record.topic(), record.partition(), record.offset(), stage, error.toString());
        }
        send(out, (metadata, sendError) -> {
            if (sendError == null) {
                metrics.recordDeadLettered(stage);
                acknowledged(record);
            }
            else {
                // neither egress nor DLQ took the record: stop before committing past it
                log.error("Cannot write {}-{}@{} to the DLQ; stopping", record.topic(), record.partition(), record.offset(), sendError);
                failure.compareAndSet(null, sendError);
            }
        });
        if (releaseSlot) {
            release(record);
        }
    }

    private void send(ProducerRecord<byte[], byte[]> out, Callback callback) {
        try {
            producer.send(out, callback);
        }
        catch (RuntimeException e) {
            callback.onCompletion(null, e);
        }
    }

    /**
     * The record's work is done and its result (or DLQ record) is in the producer, behind the key's
     * earlier results: the slot is free and the key's next record may start. Its offset completes
     * only when Kafka acknowledges the write ({@link #acknowledged}).
     */
    private void release(ConsumerRecord<byte[], byte[]> record) {
        window.complete(laneKey(record));
    }

    private void acknowledged(ConsumerRecord<byte[], byte[]> record) {
        tracker.complete(new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    // ---------------------------------------------------------------- helpers

    private static Object laneKey(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new LaneKey(record.topic(), ByteBuffer.wrap(record.key()));
    }

    private record LaneKey(String topic, ByteBuffer key) {
    }

    private static RecordHeaders copyHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, RunTopics.consumerGroup(settings.service()));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "offstream-consumer-" + settings.service());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(settings.maxPollInterval().toMillis()));
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(settings.topicRefresh().toMillis()));
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // a crashed member's partitions move after 10 s rather than Kafka's 45 s (override with kafka[...])
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putAll(settings.kafka());
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "offstream-producer-" + settings.service());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(settings.kafka());
        return p;
    }

    private void registerGauges() {
        metrics.gauge("offstream.consumer.in.flight", "Records admitted and not yet acknowledged on egress/DLQ", window::inFlight);
        metrics.gauge("offstream.consumer.in.flight.max", "Most records ever in flight at once", window::highWaterMark);
        metrics.gauge("offstream.consumer.in.flight.limit", "The in-flight bound", window::capacity);
        metrics.gauge("offstream.consumer.waiting", "Polled records waiting for room in the window", () -> waitingCount);
        metrics.gauge("offstream.consumer.unacknowledged", "Polled records whose result Kafka has not acknowledged yet",
                tracker::pending);
        metrics.gauge("offstream.consumer.paused", "1 while consumption is paused", () -> paused ? 1 : 0);
        metrics.gauge("offstream.consumer.lag", "Ingress records not yet processed (assigned partitions)", () -> lag);
        metrics.gauge("offstream.consumer.rate.limit", "Service calls per second allowed (0 = unlimited)", limiter::permitsPerSecond);
        metrics.gauge("offstream.consumer.max.poll.records", "max.poll.records in use", () -> maxPollRecords);
        metrics.gauge("offstream.consumer.max.poll.records.recommended",
                "max.poll.records the measured p99 latency calls for", this::recommendedMaxPollRecords);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
