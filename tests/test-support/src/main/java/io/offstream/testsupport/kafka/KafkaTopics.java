package io.offstream.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.offstream.kafka.broker.TopicReadiness;

/**
 * What tests do with a broker's topics, in plain Kafka clients: create, produce, read at least N,
 * end offsets, and a group's committed offsets. Works against any broker (the shared one of
 * {@link KafkaBrokerExtension}, a test's own, or the local platform's broker process). Every call
 * opens and closes its own clients, so one instance may be shared by tests running one after another.
 */
public final class KafkaTopics {

    /** How long an admin call or a produce may take before the test fails. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client properties holding only {@code bootstrap.servers}, to add a client's own settings to. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** An admin client on this broker, for what this class does not offer; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /** A name no other test on a shared broker uses: {@code prefix-<8 hex>}. */
    public String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the topic and returns its name once every partition has a leader. */
    public String create(String topic, int partitions) {
        create(new NewTopic(topic, partitions, (short) 1));
        return topic;
    }

    /** Creates the topic with topic configs (e.g. {@code retention.ms}) and returns its name once it is usable. */
    public String create(String topic, int partitions, Map<String, String> configs) {
        create(new NewTopic(topic, partitions, (short) 1).configs(configs));
        return topic;
    }

    /** Creates the topics and waits until every partition's leader serves it ({@link TopicReadiness}). */
    public void create(NewTopic... topics) {
        List<String> names = Arrays.stream(topics).map(NewTopic::name).toList();
        try (Admin admin = admin()) {
            await(admin.createTopics(List.of(topics)).all(), "create topics " + names);
            try {
                TopicReadiness.awaitServed(admin, names, CALL_TIMEOUT);
            }
            catch (IllegalStateException e) {
                throw new AssertionError("Kafka on " + bootstrapServers + ": " + e.getMessage(), e);
            }
        }
    }

    public Set<String> names() {
        try (Admin admin = admin()) {
            return await(admin.listTopics().names(), "list topics");
        }
    }

    public int partitions(String topic) {
        try (Admin admin = admin()) {
            return partitionCount(admin, topic);
        }
    }

    /** Writes string records, keys and values in the map's order, and returns once the broker has them all. */
    public void produce(String topic, Map<String, String> keyValues) {
        List<ProducerRecord<String, String>> records = keyValues.entrySet().stream()
                .map(entry -> new ProducerRecord<>(topic, entry.getKey(), entry.getValue())).toList();
        produce(records, new StringSerializer(), new StringSerializer());
    }

    /** Writes byte records as given (topic, partition, headers) and returns once the broker has them all. */
    public void produce(List<ProducerRecord<byte[], byte[]>> records) {
        produce(records, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes the records with one idempotent producer ({@code acks=all}) and returns once all are acknowledged. */
    public <K, V> void produce(List<ProducerRecord<K, V>> records, Serializer<K> keys, Serializer<V> values) {
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(producerProperties(), keys, values)) {
            send(producer, records);
        }
    }

    /**
     * Writes the records in one committed transaction of a new transactional producer, and returns once
     * it committed. The commit markers follow a moment later: {@link #committedEndOffsets} waits for them.
     */
    public <K, V> void produceInTransaction(List<ProducerRecord<K, V>> records, Serializer<K> keys, Serializer<V> values) {
        Map<String, Object> properties = producerProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, uniqueName("test-transaction"));
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(properties, keys, values)) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, records);
            producer.commitTransaction();
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = clientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return properties;
    }

    private <K, V> void send(KafkaProducer<K, V> producer, List<ProducerRecord<K, V>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            await(future, "produce to " + records.get(0).topic());
        }
    }

    /**
     * Reads the topic from its beginning (no group) until at least {@code count} records arrived, then
     * also whatever else was on it by then, so a duplicate shows; fails naming the topic, the count
     * expected and the count seen when {@code timeout} passes first.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count, Duration timeout) {
        return reader(topic).readAtLeast(count, timeout, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** {@link #readAtLeast} with string keys and values. */
    public List<ConsumerRecord<String, String>> readStringsAtLeast(String topic, int count, Duration timeout) {
        return reader(topic).readAtLeast(count, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record up to the end offsets the topic has when the read begins; fails naming the topic after {@code timeout}. */
    public List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Duration timeout) {
        return reader(topic).readToEnd(timeout, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Everything that arrives on the topic within {@code wait}, from its beginning (for topics that should stay empty). */
    public List<ConsumerRecord<byte[], byte[]>> readFor(String topic, Duration wait) {
        return reader(topic).readFor(wait, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The log end offset of every partition. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            return endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED);
        }
    }

    /**
     * The read_committed end offset of every partition once it has caught up with the log end: commit
     * markers are written after {@code commitTransaction()} returns, so right after a transactional
     * write the two differ for a moment. Returns the read_committed ends as they are after the timeout.
     */
    public Map<Integer, Long> committedEndOffsets(String topic) {
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (true) {
                Map<Integer, Long> stable = endOffsets(admin, topic, IsolationLevel.READ_COMMITTED);
                if (stable.equals(endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED)) || System.nanoTime() > deadline) {
                    return stable;
                }
                sleep(100);
            }
        }
    }

    /** Commits these offsets (partition to next offset) for the group, as a consumer of it would. */
    public void commit(String group, String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((partition, offset) -> commits.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            await(admin.alterConsumerGroupOffsets(group, commits).all(), "commit offsets of group " + group + " on " + topic);
        }
    }

    /** The group's committed offset per partition of the topic; partitions it never committed are absent. */
    public Map<Integer, Long> committedOffsets(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = await(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "committed offsets of group " + group);
            Map<Integer, Long> offsets = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && partition.topic().equals(topic)) {
                    offsets.put(partition.partition(), offset.offset());
                }
            });
            return offsets;
        }
    }

    /** End offset minus the group's committed offset, per partition (all 0: the group has consumed everything). */
    public Map<Integer, Long> uncommitted(String group, String topic) {
        Map<Integer, Long> committed = committedOffsets(group, topic);
        return endOffsets(topic).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                end -> end.getValue() - committed.getOrDefault(end.getKey(), 0L), (a, b) -> a, TreeMap::new));
    }

    private TopicReader reader(String topic) {
        return new TopicReader(this, topic, partitions(topic));
    }

    private Map<Integer, Long> endOffsets(Admin admin, String topic, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitionCount(admin, topic); partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new TreeMap<>();
        await(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all(), "end offsets of " + topic)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private int partitionCount(Admin admin, String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic).partitions().size();
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Kafka on " + bootstrapServers + ": " + what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("Kafka on " + bootstrapServers + ": " + what + " took more than " + CALL_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + what, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
