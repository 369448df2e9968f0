package io.offstream.consumer.core.engine;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * One ingress record as the listener container delivers it.
 *
 * @param topic the run's ingress topic
 * @param partition its partition
 * @param offset its offset
 * @param timestamp its Kafka timestamp
 * @param key the key bytes (per-key order is kept on them); null for none
 * @param value the value bytes
 * @param headers the Kafka headers (run key, partition date, source position), kept on the result
 */
public record InboundRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        Headers headers) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
