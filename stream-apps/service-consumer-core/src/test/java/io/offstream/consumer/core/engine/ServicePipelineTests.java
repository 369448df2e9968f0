package io.offstream.consumer.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.offstream.consumer.core.invoke.FunctionServiceInvoker;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.RetryPolicy;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on its own, without Kafka: four workers and the producer's thread completing records
 * while the listener delivers more, through a window of one, so nearly every record waits for room
 * and every release hands its slot to the next. A slot the hand-over lost, or a record admitted and
 * never started, stops everything: delivery stays paused and the test runs out of time.
 *
 * <p>It found one: a no-op call often finishes before its callbacks are registered, so the thread
 * that started a record wrote its result and started the next one, nested, until the stack
 * overflowed and a started record was lost (in 1 of 5 runs in a fresh JVM; in 4 of 4 with
 * {@code -Xss256k}). {@link Trampoline} keeps those starts from nesting; {@link TrampolineTests}
 * shows that without depending on timing.
 */
class ServicePipelineTests {

    private static final int POLL = 2_000;

    private static final int RECORDS = 100_000;

    /** Kafka's I/O thread: acknowledges writes on a thread of its own, as the producer does. */
    private final ExecutorService producer = Executors.newSingleThreadExecutor();

    private final Map<Long, AtomicInteger> written = new ConcurrentHashMap<>();

    private final AtomicLong commits = new AtomicLong();

    private final AtomicInteger pauses = new AtomicInteger();

    private volatile boolean paused;

    private ServicePipeline<byte[], byte[]> pipeline;

    /** Writes results on the producer's thread, counting each record's writes; refuses dead letters. */
    private final RecordSink sink = new RecordSink() {

        @Override
        public CompletableFuture<?> result(InboundRecord source, byte[] value) {
            return CompletableFuture.runAsync(() -> written.computeIfAbsent(source.offset(), o -> new AtomicInteger())
                    .incrementAndGet(), producer);
        }

        @Override
        public CompletableFuture<?> deadLetter(InboundRecord source, DeadLetter reason) {
            return CompletableFuture.failedFuture(new AssertionError("dead-lettered " + source, reason.error()));
        }
    };

    /** The listener container's partition pause, as a flag the test's delivery loop obeys. */
    private final FlowControl flow = new FlowControl() {

        @Override
        public void pause() {
            pauses.incrementAndGet();
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }
    };

    /** A no-op service on {@code workers} threads, its requests and results the records' bytes. */
    private ServicePipeline<byte[], byte[]> pipeline(ServiceConsumerSettings settings, int workers) {
        return new ServicePipeline<>(settings, new FunctionServiceInvoker<>(value -> value, workers),
                new RecordCodecs<>(value -> value, value -> value), sink, flow, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        pipeline.close();
        producer.shutdownNow();
    }

    @Test
    void everyRecordIsWrittenOnceAndEveryPollCommittedWhileReleasesRaceDeliveries() throws Exception {
        ServiceConsumerSettings settings = new ServiceConsumerSettings("svc", 1, 0.8, 0, RetryPolicy.defaults(),
                Duration.ofSeconds(10), ExceptionClassifier.defaults(), POLL, Duration.ofMillis(100), Duration.ofMinutes(5),
                8 * POLL, 3, Duration.ofSeconds(5));
        pipeline = pipeline(settings, 4);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int delivered = 0;
        while (delivered < RECORDS && System.nanoTime() < deadline) {
            if (paused) {
                Thread.onSpinWait();
                continue;
            }
            List<InboundRecord> poll = new ArrayList<>(POLL);
            for (int i = 0; i < POLL; i++, delivered++) {
                // 300 keys: records of one key often meet in the window and queue in its lane
                byte[] key = ("k" + delivered % 300).getBytes(StandardCharsets.UTF_8);
                poll.add(new InboundRecord("offstream.svc.run.ingress", 0, delivered, 0, key, key, new RecordHeaders()));
            }
            pipeline.accept(poll, commits::incrementAndGet);
        }
        while (commits.get() < RECORDS / POLL && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }

        assertThat(pipeline.failure()).isNull();
        assertThat(delivered).as("records delivered before the deadline").isEqualTo(RECORDS);
        assertThat(commits.get()).as("polls committed").isEqualTo(RECORDS / POLL);
        assertThat(written).hasSize(RECORDS).allSatisfy((offset, times) -> assertThat(times.get()).isEqualTo(1));
        assertThat(pipeline.inFlight()).isZero();
        assertThat(pauses.get()).as("delivery paused for backpressure").isPositive();
    }

    @Test
    void aStepThatThrowsInsideACallbackStopsThePipelineInsteadOfLeavingItsRecordInFlight() throws Exception {
        ServiceConsumerSettings settings = ServiceConsumerSettings.defaults("svc");
        pipeline = pipeline(settings, 2);
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        IllegalStateException refused = new IllegalStateException("the container refused the acknowledgment");

        // the commit runs in the callback of the result's write, on the producer's thread
        pipeline.accept(List.of(new InboundRecord("offstream.svc.run.ingress", 0, 0, 0, key, key, new RecordHeaders())), () -> {
            throw refused;
        });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pipeline.failure() == null && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(pipeline.failure()).isSameAs(refused);
    }
}
