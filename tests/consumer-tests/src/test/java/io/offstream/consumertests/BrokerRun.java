package io.offstream.consumertests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.testsupport.kafka.KafkaTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One run's topics on a broker (named by the run contract's {@link RunTopics}), used the way the
 * plan and ingress phases and the drain check use them, over test-support's {@link KafkaTopics}.
 */
record BrokerRun(KafkaTopics kafka, String service, String runKey) {

    RunTopics topics() {
        return RunTopics.of(service, runKey);
    }

    String ingress() {
        return topics().ingress();
    }

    String egress() {
        return topics().egress();
    }

    String dlq() {
        return topics().dlq();
    }

    /** Creates the run's topics as plan does: ingress and egress with {@code partitions}, the DLQ with one. */
    BrokerRun create(int partitions) {
        kafka.create(new NewTopic(ingress(), partitions, (short) 1), new NewTopic(egress(), partitions, (short) 1),
                new NewTopic(dlq(), 1, (short) 1));
        return this;
    }

    /** Produces the values keyed by the keys, with the ingress headers; the source position is the index. */
    void produce(List<String> keys, List<byte[]> values) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(ingress(), utf8(keys.get(i)), values.get(i));
            record.headers().add(RunHeaders.RUN_KEY, utf8(runKey));
            record.headers().add(RunHeaders.PARTITION_DATE, utf8("2024-06-01"));
            record.headers().add(RunHeaders.SOURCE_POSITION, utf8(Integer.toString(i)));
            records.add(record);
        }
        kafka.produce(records);
    }

    /** At least {@code atLeast} records of the topic, from its beginning, and whatever else is there by then. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int atLeast, Duration timeout) {
        return kafka.readAtLeast(topic, atLeast, timeout);
    }

    /** Every record on {@code topic} now: read from the beginning up to the end offsets taken first. */
    List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Duration timeout) {
        return kafka.readToEnd(topic, timeout);
    }

    /** Sum over ingress partitions of end offset minus the service group's committed offset. */
    long uncommitted() {
        return kafka.uncommitted(RunTopics.consumerGroup(service), ingress()).values().stream().mapToLong(Long::longValue).sum();
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
