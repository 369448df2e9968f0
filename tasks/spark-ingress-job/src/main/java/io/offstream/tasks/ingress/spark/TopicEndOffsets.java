package io.offstream.tasks.ingress.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The ingress topic's end offset per partition once a partition of the run is published: what
 * lag-wait compares committed offsets against. One admin client for the whole application.
 */
final class TopicEndOffsets implements AutoCloseable {

    private final String topic;
    private final Admin admin;

    TopicEndOffsets(String topic, Map<String, String> producer) {
        Properties props = new Properties();
        props.putAll(producer);
        props.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(k.toString()));
        this.topic = topic;
        this.admin = Admin.create(props);
    }

    Map<Integer, Long> now() throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<Integer, Long> offsets = new TreeMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
