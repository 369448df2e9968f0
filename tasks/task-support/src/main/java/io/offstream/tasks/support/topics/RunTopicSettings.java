package io.offstream.tasks.support.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How plan creates a run's topics. Retention is explicit on every topic, and ingress records get
 * the broker's append time ({@code message.timestamp.type=LogAppendTime}): warehouse rows carry
 * old event times, and time retention measured against them would delete them at once.
 *
 * @param partitions partitions per topic
 * @param replicationFactor replication factor per topic
 * @param retention how long records are kept; {@code null} or negative keeps them until cleanup
 */
public record RunTopicSettings(int partitions, short replicationFactor, Duration retention) {

    public RunTopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic replication factor must be at least 1, was " + replicationFactor);
        }
    }

    /** The topic configs plan sets on each of the run's topics. */
    public Map<String, String> topicConfigs() {
        Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", retention == null || retention.isNegative() ? "-1" : Long.toString(retention.toMillis()));
        configs.put("retention.bytes", "-1");
        configs.put("message.timestamp.type", "LogAppendTime");
        configs.put("cleanup.policy", "delete");
        return configs;
    }
}
