package io.offstream.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads one topic from its beginning with a consumer of no group, assigned every partition. */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaTopics topics;

    private final String topic;

    private final List<TopicPartition> partitions;

    TopicReader(KafkaTopics topics, String topic, int partitionCount) {
        this.topics = topics;
        this.topic = topic;
        this.partitions = IntStream.range(0, partitionCount).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    <K, V> List<ConsumerRecord<K, V>> readAtLeast(int count, Duration timeout, Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<K, V> consumer = fromTheStart(keys, values)) {
            while (records.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Topic " + topic + ": expected at least " + count + " records within " + timeout
                            + ", saw " + records.size());
                }
                consumer.poll(POLL).forEach(records::add);
            }
            // then whatever else the topic held by now, so a duplicate or an extra record shows
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    <K, V> List<ConsumerRecord<K, V>> readToEnd(Duration timeout, Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<K, V> consumer = fromTheStart(keys, values)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Topic " + topic + ": expected to read up to its end offsets " + ends + " within "
                            + timeout + ", saw " + records.size() + " records");
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    <K, V> List<ConsumerRecord<K, V>> readFor(Duration wait, Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<K, V> consumer = fromTheStart(keys, values)) {
            do {
                consumer.poll(POLL).forEach(records::add);
            } while (System.nanoTime() < deadline);
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private <K, V> KafkaConsumer<K, V> fromTheStart(Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> properties = topics.clientProperties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
