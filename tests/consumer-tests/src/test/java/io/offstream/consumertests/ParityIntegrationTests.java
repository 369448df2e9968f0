package io.offstream.consumertests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.offstream.consumer.core.json.PlainJsonCodec;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logical parity: the same transactions through the real-time app's {@code POST /score} and through
 * the service consumer give identical decisions, compared byte for byte both as plain JSON and as
 * Avro single-object bytes. In process, the consumer serves the checkout's catalogue entry
 * {@code risk}: it loads the sample's function jar and calls its {@code riskService} bean, the very
 * bean the real-time app calls. Remotely, an entry onboarded as files only ({@code invoke.http})
 * has the consumer call the app's endpoint with the plain JSON contract.
 */
class ParityIntegrationTests extends ConsumerProcessTestSupport {

    private static final int COUNT = 10_000;

    private static final HistorySchemaStore STORE = HistorySchemaStore.fromClasspath();

    private static final SpecificRecordCodec<Transaction> TRANSACTIONS = SpecificRecordCodec.of(Transaction.class, STORE);

    private static final SpecificRecordCodec<RiskDecision> DECISIONS = SpecificRecordCodec.of(RiskDecision.class, STORE);

    private static final PlainJsonCodec<Transaction> TRANSACTION_JSON = PlainJsonCodec.of(Transaction.class);

    private static final PlainJsonCodec<RiskDecision> DECISION_JSON = PlainJsonCodec.of(RiskDecision.class);

    private static App sampleApp;

    @BeforeAll
    static void startRealTimeApp() {
        sampleApp = startSampleApp("sample-risk-service-app");
    }

    @AfterAll
    static void stopRealTimeApp() {
        if (sampleApp != null) {
            sampleApp.close();
        }
    }

    @Test
    void tenThousandTransactionsGetIdenticalDecisionsOverRestAndThroughTheConsumer() {
        List<Transaction> transactions = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            transactions.add(SampleTransactions.transaction(n));
        }
        BrokerRun run = new BrokerRun(kafka, "risk", "parity").create(4);
        try (App consumer = startConsumer("service-consumer-in-process")) {
            run.produce(transactions.stream().map(Transaction::getTxnId).toList(),
                    transactions.stream().map(TRANSACTIONS::encode).toList());
            Map<String, byte[]> rest = scoreOverRest(transactions);
            List<ConsumerRecord<byte[], byte[]>> egress = run.read(run.egress(), COUNT, Duration.ofMinutes(3));

            assertIdentical(rest, egress, COUNT);
            await().atMost(Duration.ofSeconds(15)).until(() -> run.uncommitted() == 0);
            assertThat(metric(consumer, "offstream_consumer_records_out_total")).isEqualTo(COUNT);
            assertThat(get(consumer.url("/actuator/health/binding"))).contains("offstream-risk").contains(run.ingress());
        }
    }

    @Test
    void remoteModeCallsTheEndpointAndGivesTheSameDecisions() {
        int count = 2000;
        List<Transaction> transactions = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            transactions.add(SampleTransactions.transaction(100_000 + n));
        }
        Transaction poison = Transaction.newBuilder(SampleTransactions.transaction(999_999)).setCurrency("XXX").build();
        BrokerRun run = new BrokerRun(kafka, "riskremote", "parity").create(2);
        try (App consumer = startConsumer("service-consumer-remote",
                "--offstream.consumer.service=riskremote",
                "--offstream.services.location=" + httpCatalogue("riskremote", sampleApp.url("/score")))) {
            List<String> keys = new ArrayList<>(transactions.stream().map(Transaction::getTxnId).toList());
            List<byte[]> values = new ArrayList<>(transactions.stream().map(TRANSACTIONS::encode).toList());
            keys.add(poison.getTxnId());
            values.add(TRANSACTIONS.encode(poison));
            run.produce(keys, values);
            Map<String, byte[]> rest = scoreOverRest(transactions);
            List<ConsumerRecord<byte[], byte[]>> egress = run.read(run.egress(), count, Duration.ofMinutes(2));
            List<ConsumerRecord<byte[], byte[]>> dlq = run.read(run.dlq(), 1, Duration.ofSeconds(30));

            assertIdentical(rest, egress, count);
            assertThat(dlq).hasSize(1);
            assertThat(BrokerRun.key(dlq.get(0))).isEqualTo(poison.getTxnId());
            assertThat(BrokerRun.header(dlq.get(0), RunHeaders.ERROR_CLASS)).endsWith("RemoteServiceException");
            assertThat(BrokerRun.header(dlq.get(0), RunHeaders.ERROR_MESSAGE)).contains("400").contains("XXX");
            await().atMost(Duration.ofSeconds(15)).until(() -> run.uncommitted() == 0);
        }
    }

    private static void assertIdentical(Map<String, byte[]> rest, List<ConsumerRecord<byte[], byte[]>> egress, int count) {
        assertThat(egress).hasSize(count);
        int identical = 0;
        for (ConsumerRecord<byte[], byte[]> record : egress) {
            String key = BrokerRun.key(record);
            byte[] restJson = rest.get(key);
            assertThat(restJson).as("REST answer for %s", key).isNotNull();
            RiskDecision consumed = DECISIONS.decode(record.value());
            // plain JSON of the consumer's result == the REST body, byte for byte
            assertThat(DECISION_JSON.write(consumed)).as("JSON of %s", key).isEqualTo(restJson);
            // Avro of the REST result == the egress value, byte for byte
            assertThat(DECISIONS.encode(DECISION_JSON.read(restJson))).as("Avro of %s", key).isEqualTo(record.value());
            identical++;
        }
        assertThat(identical).isEqualTo(count);
        assertThat(rest.values().stream().map(json -> DECISION_JSON.read(json).getDecision()).distinct())
                .containsExactlyInAnyOrder("APPROVE", "REVIEW", "DECLINE");
    }

    /** POSTs every transaction to the real-time app, 16 at a time; returns the response bodies by txn id. */
    private static Map<String, byte[]> scoreOverRest(List<Transaction> transactions) {
        Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(16);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (Transaction t : transactions) {
            permits.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sampleApp.url("/score")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TRANSACTION_JSON.write(t))).build();
            calls.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                permits.release();
                if (error == null && response.statusCode() == 200) {
                    bodies.put(t.getTxnId(), response.body());
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertThat(bodies).hasSize(transactions.size());
        assertThat(Arrays.asList(bodies.values().iterator().next())).isNotEmpty();
        return bodies;
    }
}
