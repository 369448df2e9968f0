package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressStoppingOffsets;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.testsupport.kafka.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes results to an egress topic the way the service consumer does: transactional, keyed by the
 * request's record key, Avro single-object encoded, with the partition date header of the ingress
 * event. Records go to partitions {@code 0..dataPartitions-1} by key, so the partitions above stay empty.
 * The topic itself and its offsets go through test-support's {@link KafkaTopics}.
 */
final class EgressTopicFixture implements AutoCloseable {

    private final KafkaTopics kafka;
    private final String topic;
    private final int dataPartitions;
    private final KafkaProducer<String, byte[]> producer;
    private final GenericRecordCodec codec;

    EgressTopicFixture(KafkaTopics kafka, String topic, int partitions, int dataPartitions, ServiceDefinition service) {
        this.kafka = kafka;
        this.topic = topic;
        this.dataPartitions = dataPartitions;
        this.codec = new GenericRecordCodec(service.schemaStore());
        // results carry historical event times: without retention -1 they would be deleted as their segment rolls
        kafka.create(topic, partitions, Map.of("retention.ms", "-1"));
        Map<String, Object> properties = kafka.clientProperties();
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
    String committedEndOffsets() {
        return EgressStoppingOffsets.of(kafka.committedEndOffsets(topic)).toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
