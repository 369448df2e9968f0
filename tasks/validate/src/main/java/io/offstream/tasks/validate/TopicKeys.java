package io.offstream.tasks.validate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the keys of a run topic (read_committed, no consumer group, so nothing is committed on
 * anyone's behalf), from the beginning up to given end offsets or, when none are given, to the
 * end offsets at the time of reading.
 */
class TopicKeys {

    private final Map<String, Object> clientProperties;

    private final Duration timeout;

    TopicKeys(Map<String, Object> clientProperties, Duration timeout) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    Set<String> distinctKeys(String topic, Map<Integer, Long> endOffsets) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return keys;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> until = endOffsets.isEmpty()
                    ? consumer.endOffsets(assigned, timeout)
                    : endOffsets.entrySet().stream().collect(Collectors.toMap(e -> new TopicPartition(topic, e.getKey()), Map.Entry::getValue));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, until)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + until + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Long end = until.get(new TopicPartition(topic, record.partition()));
                    if (end != null && record.offset() < end && record.key() != null) {
                        keys.add(new String(record.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return keys;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> until) {
        return until.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
