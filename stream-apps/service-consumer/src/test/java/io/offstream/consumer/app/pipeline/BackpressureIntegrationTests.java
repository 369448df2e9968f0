package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A slow service behind a small window: in-flight work never exceeds the bound (read from the
 * metrics while it runs), consumption pauses and resumes, per-key order holds with concurrency
 * well beyond the partition count.
 */
class BackpressureIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int BOUND = 16;

    private static final int KEYS = 300;

    private static final int VERSIONS = 3;

    @Test
    void aSlowServiceNeverHasMoreThanTheBoundInFlightAndConsumptionPausesAndResumes() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        Function<Transaction, RiskDecision> slow = t -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return PoisonRecordIntegrationTests.decision(t);
        };
        createRunTopics("slow", "run1", 2);
        String ingress = RunTopics.of("slow", "run1").ingress();
        List<Transaction> transactions = new ArrayList<>();
        for (int v = 0; v < VERSIONS; v++) {
            for (int k = 0; k < KEYS; k++) {
                transactions.add(SampleTransactions.transaction(v * KEYS + k, "key-" + k));
            }
        }
        produceTransactions(ingress, "run1", transactions);

        start(options("slow").set("max-in-flight", BOUND).set("max-poll-records", 100), slow, BOUND * 2);

        List<Double> sampled = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            synchronized (sampled) {
                sampled.add(gauge("offstream.consumer.in.flight"));
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        List<ConsumerRecord<byte[], byte[]>> egress;
        try {
            egress = readAtLeast(RunTopics.ofIngress(ingress).egress(), transactions.size(), Duration.ofSeconds(90));
        }
        finally {
            sampler.shutdownNow();
        }

        assertThat(egress).hasSize(transactions.size());
        synchronized (sampled) {
            assertThat(sampled).isNotEmpty().allMatch(v -> v <= BOUND);
        }
        assertThat(gauge("offstream.consumer.in.flight.max")).isEqualTo(BOUND);
        assertThat(gauge("offstream.consumer.in.flight.limit")).isEqualTo(BOUND);
        assertThat(maxConcurrent.get()).isLessThanOrEqualTo(BOUND).isGreaterThan(2); // beyond the 2 partitions
        assertThat(counter("offstream.consumer.pauses")).isGreaterThan(0);
        assertThat(counter("offstream.consumer.resumes")).isGreaterThan(0);

        // per key, results arrive in ingress order (source position grows)
        Map<String, List<Integer>> positionsByKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : egress) {
            positionsByKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(Integer.parseInt(header(record, RunHeaders.SOURCE_POSITION)));
        }
        assertThat(positionsByKey).hasSize(KEYS);
        positionsByKey.forEach((key, positions) -> assertThat(positions).as(key).hasSize(VERSIONS).isSorted());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(uncommitted("slow", ingress).values()).allMatch(lag -> lag == 0);
            assertThat(gauge("offstream.consumer.paused")).isZero();
        });
    }
}
