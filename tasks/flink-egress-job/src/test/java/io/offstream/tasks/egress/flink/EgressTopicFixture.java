package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressStoppingOffsets;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.GenericRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * Writes results to an egress topic the way the service consumer does: transactional, keyed by the
 * request's record key, Avro single-object encoded, with the partition date header of the ingress
 * event. Records go to partitions {@code 0..dataPartitions-1} by key, so the partitions above stay empty.
 */
final class EgressTopicFixture implements AutoCloseable {

    private final String bootstrapServers;
    private final String topic;
    private final int dataPartitions;
    private final KafkaProducer<String, byte[]> producer;
    private final GenericRecordCodec codec;

    EgressTopicFixture(String bootstrapServers, String topic, int partitions, int dataPartitions, ServiceDefinition service)
            throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.dataPartitions = dataPartitions;
        this.codec = new GenericRecordCodec(service.schemaStore());
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

    /** Sends results in one committed transaction (or an aborted one). */
    void send(List<EgressResult> results, boolean commit) {
        producer.beginTransaction();
        for (EgressResult result : results) {
            sendRaw(result.key(), codec.encode(result.value()), result.day());
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** Sends one value as it is, committed: e.g. bytes that are no response; {@code day} null: no partition date header. */
    void sendCommitted(String key, byte[] value, LocalDate day) {
        producer.beginTransaction();
        sendRaw(key, value, day);
        producer.commitTransaction();
    }

    /** The encoded value of a result, for {@link #sendCommitted}. */
    byte[] encode(EgressResult result) {
        return codec.encode(result.value());
    }

    private void sendRaw(String key, byte[] value, LocalDate day) {
        int partition = (key.hashCode() & 0x7fffffff) % dataPartitions;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        if (day != null) {
            record.headers().add(RunHeaders.PARTITION_DATE, day.toString().getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record);
    }

    /** The read_committed end offset of every partition, as {@code --stopping-offsets} takes it. */
    String committedEndOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            // Commit markers are written after commitTransaction() returns: wait until the
            // read_committed end (last stable offset) has caught up with the log end everywhere.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                Map<Integer, Long> ends = new TreeMap<>();
                admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                        .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
                Map<Integer, Long> logEnds = new TreeMap<>();
                admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                        .forEach((tp, info) -> logEnds.put(tp.partition(), info.offset()));
                if (ends.equals(logEnds) || System.nanoTime() > deadline) {
                    return EgressStoppingOffsets.of(ends).toString();
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
