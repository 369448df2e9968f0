package io.offstream.tasks.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.offstream.tasks.validate.sort.KeySink;

/**
 * Reads the keys of a run topic (read_committed, no consumer group, so nothing is committed on
 * anyone's behalf), from the beginning up to given end offsets or, when none are given, to the
 * end offsets at the time of reading, however long that takes while records keep coming. Each key goes to a {@link KeySink} as it is read, so none is held here;
 * each record's headers, when asked for, go to a consumer in the same pass (the DLQ's error headers).
 */
class TopicKeys {

    private final Map<String, Object> clientProperties;

    private final Duration stallTimeout;

    /** @param stallTimeout the longest a read may go without a record while short of its end offsets (also each metadata call's) */
    TopicKeys(Map<String, Object> clientProperties, Duration stallTimeout) {
        this.clientProperties = clientProperties;
        this.stallTimeout = stallTimeout;
    }

    /** Puts every key of {@code topic}'s records below the end offsets into {@code keys}; a repeated key as often as it occurs. */
    void readKeys(String topic, Map<Integer, Long> endOffsets, KeySink keys) throws IOException {
        readKeys(topic, endOffsets, keys, headers -> { });
    }

    /** As {@link #readKeys(String, Map, KeySink)}, and gives every record's headers (keyed or not) to {@code headers}. */
    void readKeys(String topic, Map<Integer, Long> endOffsets, KeySink keys, Consumer<Headers> headers) throws IOException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, stallTimeout);
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> until = endOffsets.isEmpty()
                    ? consumer.endOffsets(assigned, stallTimeout)
                    : endOffsets.entrySet().stream().collect(Collectors.toMap(e -> new TopicPartition(topic, e.getKey()), Map.Entry::getValue));
            long lastProgress = System.nanoTime();
            while (!reached(consumer, until)) {
                if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                    throw new IllegalStateException("Reading " + topic + " up to " + until + " stalled: no record for " + stallTimeout
                            + " (offstream.validate.topic-stall-timeout)");
                }
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Long end = until.get(new TopicPartition(topic, record.partition()));
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    if (record.key() != null) {
                        keys.add(new String(record.key(), StandardCharsets.UTF_8));
                    }
                    headers.accept(record.headers());
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> until) {
        return until.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
