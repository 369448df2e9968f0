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

/** The ingress topic's end offset per partition once the job has published: what lag-wait compares committed offsets against. */
final class TopicEndOffsets {

    private TopicEndOffsets() {
    }

    static Map<Integer, Long> of(String topic, Map<String, String> producer) throws Exception {
        Properties props = new Properties();
        props.putAll(producer);
        props.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(k.toString()));
        try (Admin admin = Admin.create(props)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
            return offsets;
        }
    }
}
