package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Records the service cannot take go to the run's DLQ with their error, the rest go through, and
 * the group still commits every ingress offset. The run's topics are created after the engine
 * started: the pattern subscription picks them up without a restart.
 */
class PoisonRecordIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int COUNT = 1000;

    @Test
    void poisonRecordsLandOnTheDlqWithTheirErrorAndTheRestGoThrough() {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Function<Transaction, RiskDecision> service = t -> {
            int call = calls.computeIfAbsent(t.getTxnId(), k -> new AtomicInteger()).incrementAndGet();
            if (t.getTxnId().equals(SampleTransactions.txnId(20)) && call <= 2) {
                throw new UncheckedIOException(new IOException("FX service connection reset"));  // transient, then fine
            }
            if (t.getTxnId().equals(SampleTransactions.txnId(30))) {
                throw new IllegalArgumentException("No FX rate for currency 'XXX'");  // permanent
            }
            if (t.getTxnId().equals(SampleTransactions.txnId(40))) {
                throw new UncheckedIOException(new IOException("FX service down"));  // transient, never recovers
            }
            return decision(t);
        };
        start(options("poison").set("retry.max-attempts", 3).set("retry.initial-backoff", "20ms").set("retry.multiplier", 2)
                .set("retry.max-backoff", "100ms"), service, 8);

        createRunTopics("poison", "run1", 3);
        String ingress = RunTopics.of("poison", "run1").ingress();
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            keys.add(utf8(SampleTransactions.txnId(n)));
            values.add(n == 10 ? "not avro at all".getBytes(StandardCharsets.UTF_8) : TRANSACTIONS.encode(SampleTransactions.transaction(n)));
        }
        produce(ingress, "run1", keys, values);

        List<ConsumerRecord<byte[], byte[]>> dlq = readAtLeast(RunTopics.ofIngress(ingress).dlq(), 3, Duration.ofSeconds(60));
        List<ConsumerRecord<byte[], byte[]>> egress = readAtLeast(RunTopics.ofIngress(ingress).egress(), COUNT - 3, Duration.ofSeconds(60));

        assertThat(dlq).hasSize(3);
        ConsumerRecord<byte[], byte[]> undecodable = byKey(dlq, 10);
        assertThat(header(undecodable, RunHeaders.ERROR_STAGE)).isEqualTo("decode");
        assertThat(header(undecodable, RunHeaders.ERROR_CLASS)).startsWith("io.offstream.schemas.codec.");
        assertThat(undecodable.value()).isEqualTo(values.get(10));
        assertThat(header(undecodable, RunHeaders.RUN_KEY)).isEqualTo("run1");
        assertThat(header(undecodable, RunHeaders.SOURCE_POSITION)).isEqualTo("10");

        ConsumerRecord<byte[], byte[]> permanent = byKey(dlq, 30);
        assertThat(header(permanent, RunHeaders.ERROR_STAGE)).isEqualTo("service");
        assertThat(header(permanent, RunHeaders.ERROR_CLASS)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(permanent, RunHeaders.ERROR_MESSAGE)).contains("XXX");
        assertThat(header(permanent, RunHeaders.ERROR_ATTEMPTS)).isEqualTo("1");
        assertThat(header(permanent, RunHeaders.PARTITION_DATE)).isEqualTo("2024-03-01");

        ConsumerRecord<byte[], byte[]> exhausted = byKey(dlq, 40);
        assertThat(header(exhausted, RunHeaders.ERROR_ATTEMPTS)).isEqualTo("3");
        assertThat(header(exhausted, RunHeaders.ERROR_CLASS)).isEqualTo(UncheckedIOException.class.getName());
        assertThat(calls.get(SampleTransactions.txnId(40))).hasValue(3);

        assertThat(egress).hasSize(COUNT - 3);
        ConsumerRecord<byte[], byte[]> retried = byKey(egress, 20);
        assertThat(DECISIONS.decode(retried.value())).isEqualTo(decision(SampleTransactions.transaction(20)));
        assertThat(header(retried, RunHeaders.SOURCE_POSITION)).isEqualTo("20");
        for (ConsumerRecord<byte[], byte[]> record : egress) {
            assertThat(DECISIONS.decode(record.value()).getTxnId()).isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(uncommitted("poison", ingress).values()).allMatch(lag -> lag == 0));
        assertThat(counter("offstream.consumer.records.dead.lettered")).isEqualTo(3);
        assertThat(counter("offstream.consumer.retries")).isEqualTo(4);
        assertThat(counter("offstream.consumer.records.out")).isEqualTo(COUNT - 3);
        assertThat(counter("offstream.consumer.records.in")).isEqualTo(COUNT);
    }

    static RiskDecision decision(Transaction t) {
        return RiskDecision.newBuilder().setTxnId(t.getTxnId()).setDecision("APPROVE").setRiskScore((int) (t.getAmountMinor() % 1000))
                .setReasons(List.of()).setAmountUsdMinor(t.getAmountMinor()).setSellerTier("standard")
                .setServiceVersion("test").setEventTime(t.getEventTime()).build();
    }

    private static ConsumerRecord<byte[], byte[]> byKey(List<ConsumerRecord<byte[], byte[]>> records, int n) {
        String key = SampleTransactions.txnId(n);
        return records.stream().filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no record with key " + key));
    }
}
