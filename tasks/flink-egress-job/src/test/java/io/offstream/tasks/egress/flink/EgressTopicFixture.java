package io.offstream.tasks.egress.flink;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes results to an egress topic the way the service consumer does: transactional, keyed by
 * txn_id, Avro single-object encoded. Records go to partitions {@code 0..dataPartitions-1} by key,
 * so the partitions above stay empty.
 */
final class EgressTopicFixture implements AutoCloseable {

    static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");

    private final String bootstrapServers;
    private final String topic;
    private final int dataPartitions;
    private final KafkaProducer<String, byte[]> producer;
    private final SpecificRecordCodec<RiskDecision> codec =
            SpecificRecordCodec.of(RiskDecision.class, HistorySchemaStore.fromClasspath());

    EgressTopicFixture(String bootstrapServers, String topic, int partitions, int dataPartitions) throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.dataPartitions = dataPartitions;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get();
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "egress-fixture-" + UUID.randomUUID());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    static RiskDecision decision(String txnId, Instant eventTime, String serviceVersion) {
        int hash = txnId.hashCode() & 0x7fffffff;
        return RiskDecision.newBuilder()
                .setTxnId(txnId)
                .setDecision(List.of("APPROVE", "REVIEW", "DECLINE").get(hash % 3))
                .setRiskScore(hash % 1001)
                .setReasons(hash % 2 == 0 ? List.of() : List.of("VELOCITY", "NEW_SELLER"))
                .setAmountUsdMinor(hash % 100_000L)
                .setSellerTier("standard")
                .setServiceVersion(serviceVersion)
                .setEventTime(eventTime)
                .build();
    }

    /** Sends results in one committed transaction (or an aborted one). */
    void send(List<RiskDecision> decisions, boolean commit) {
        producer.beginTransaction();
        for (RiskDecision decision : decisions) {
            sendRaw(decision.getTxnId(), codec.encode(decision));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** Sends one value as it is, committed: e.g. bytes that are no RiskDecision. */
    void sendCommitted(String key, byte[] value) {
        producer.beginTransaction();
        sendRaw(key, value);
        producer.commitTransaction();
    }

    private void sendRaw(String key, byte[] value) {
        int partition = (key.hashCode() & 0x7fffffff) % dataPartitions;
        producer.send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** The read_committed end offset of every partition, as {@code --stopping-offsets} takes it. */
    String committedEndOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            // Commit markers are written after commitTransaction() returns: wait until the
            // read_committed end (last stable offset) has caught up with the log end everywhere.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                Map<Integer, Long> ends = new TreeMap<>();
                admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                        .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
                Map<Integer, Long> logEnds = new TreeMap<>();
                admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                        .forEach((tp, info) -> logEnds.put(tp.partition(), info.offset()));
                if (ends.equals(logEnds) || System.nanoTime() > deadline) {
                    return new StoppingOffsets(ends).toString();
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
