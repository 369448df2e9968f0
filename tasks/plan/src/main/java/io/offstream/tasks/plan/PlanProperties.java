package io.offstream.tasks.plan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.offstream.tasks.support.topics.RunTopicSettings;

/** Options of the plan phase ({@code offstream.plan.*}). */
@ConfigurationProperties("offstream.plan")
public class PlanProperties {

    /** Partitions of each of the run's topics (ingress, egress, dlq). */
    private int topicPartitions = 3;

    /** Replication factor of the run's topics. */
    private short topicReplicationFactor = 1;

    /** Retention of the run's topics, measured from when the broker appended a record; negative keeps records until cleanup. */
    private Duration topicRetention = Duration.ofDays(7);

    /** Accept a date range with missing dt= partitions (they are planned as empty) instead of failing. */
    private boolean allowMissingPartitions = false;

    public RunTopicSettings topicSettings() {
        return new RunTopicSettings(topicPartitions, topicReplicationFactor, topicRetention);
    }

    public int getTopicPartitions() { return topicPartitions; }
    public void setTopicPartitions(int topicPartitions) { this.topicPartitions = topicPartitions; }
    public short getTopicReplicationFactor() { return topicReplicationFactor; }
    public void setTopicReplicationFactor(short topicReplicationFactor) { this.topicReplicationFactor = topicReplicationFactor; }
    public Duration getTopicRetention() { return topicRetention; }
    public void setTopicRetention(Duration topicRetention) { this.topicRetention = topicRetention; }
    public boolean isAllowMissingPartitions() { return allowMissingPartitions; }
    public void setAllowMissingPartitions(boolean allowMissingPartitions) { this.allowMissingPartitions = allowMissingPartitions; }
}
