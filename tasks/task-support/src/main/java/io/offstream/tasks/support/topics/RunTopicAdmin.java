package io.offstream.tasks.support.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates a run's topics idempotently and reads end offsets; one short-lived Admin per use. */
public class RunTopicAdmin implements AutoCloseable {

    private final Admin admin;
    private final long timeoutMs;

    public RunTopicAdmin(Map<String, Object> clientProperties, long timeoutMs) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        this.admin = Admin.create(props);
        this.timeoutMs = timeoutMs;
    }

    /**
     * Creates each topic that does not exist; an existing one is left as it is but must have the
     * expected partition count. Returns the topics created by this call.
     */
    public List<String> createIfAbsent(Collection<String> topics, RunTopicSettings settings) {
        Set<String> existing = get(admin.listTopics().names());
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()).configs(settings.topicConfigs()));
            }
        }
        List<String> created = new ArrayList<>();
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating " + entry.getKey(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Timed out creating " + entry.getKey() + " after " + timeoutMs + " ms", e);
            }
        }
        Map<String, TopicDescription> described = describeOnceKnown(topics);
        for (TopicDescription description : described.values()) {
            if (description.partitions().size() != settings.partitions()) {
                throw new IllegalStateException("Topic " + description.name() + " exists with " + description.partitions().size()
                        + " partitions, the run expects " + settings.partitions());
            }
        }
        // Metadata names a leader before the leader has opened the log; a producer's first batch sent
        // then is refused while later ones in flight land, and an idempotent producer wedges on it.
        // Listing the end offsets waits (the admin retries) until every leader serves its partition.
        created.forEach(this::endOffsets);
        return created;
    }

    /**
     * Describes topics, waiting (up to the admin timeout) while the broker answers that a topic
     * does not exist: a topic created a moment ago reaches the broker's metadata cache after
     * createTopics has returned, and a run's plan describes its topics straight away.
     */
    private Map<String, TopicDescription> describeOnceKnown(Collection<String> topics) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                return get(admin.describeTopics(topics).allTopicNames());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + topics, e);
            }
        }
    }

    /** The names of the given topics that exist. */
    public Set<String> existing(Collection<String> topics) {
        Set<String> names = new java.util.HashSet<>(get(admin.listTopics().names()));
        names.retainAll(topics);
        return names;
    }

    /** Latest (log end) offsets of every partition of a topic. */
    public Map<Integer, Long> endOffsets(String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        Map<Integer, Long> offsets = new java.util.TreeMap<>();
        result.forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
        return offsets;
    }

    /**
     * Records of the topic a consumer group has yet to commit: end offsets less the group's commits
     * (a partition it has not committed counts from 0). Transaction markers count as records here,
     * one per transaction and partition: close enough for a progress curve, not for a drain test.
     */
    public long lag(String group, String topic) {
        Map<Integer, Long> end = endOffsets(topic);
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            var offset = committed.get(new TopicPartition(topic, partition.getKey()));
            lag += Math.max(0, partition.getValue() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeoutMs + " ms", e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
