package io.offstream.consumertests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One run's topics on a broker (named by the run contract's {@link RunTopics}), used the way the
 * plan and ingress phases and the drain check use them.
 */
record BrokerRun(String bootstrapServers, String service, String runKey) {

    RunTopics topics() {
        return RunTopics.of(service, runKey);
    }

    String ingress() {
        return topics().ingress();
    }

    String egress() {
        return topics().egress();
    }

    String dlq() {
        return topics().dlq();
    }

    BrokerRun create(int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(ingress(), partitions, (short) 1),
                    new NewTopic(egress(), partitions, (short) 1), new NewTopic(dlq(), 1, (short) 1))).all().get();
            // a fresh topic answers NOT_LEADER for a moment; an idempotent producer pipelining into that can wedge
            for (int attempt = 0; attempt < 200; attempt++) {
                try {
                    boolean ready = admin.describeTopics(List.of(ingress(), egress(), dlq())).allTopicNames().get().values().stream()
                            .allMatch(d -> d.partitions().stream().allMatch(info -> info.leader() != null && !info.leader().isEmpty()));
                    if (ready) {
                        break;
                    }
                }
                catch (ExecutionException notYetKnown) {
                    // the broker's metadata has not caught up with the controller yet
                }
                Thread.sleep(50);
            }
            return this;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces the values keyed by the keys, with the ingress headers; the source position is the index. */
    void produce(List<String> keys, List<byte[]> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys.size(); i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(ingress(), utf8(keys.get(i)), values.get(i));
                record.headers().add(RunHeaders.RUN_KEY, utf8(runKey));
                record.headers().add(RunHeaders.PARTITION_DATE, utf8("2024-06-01"));
                record.headers().add(RunHeaders.SOURCE_POSITION, utf8(Integer.toString(i)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Reads a topic from the start until {@code done} says so or the timeout passes, feeding each record to the sink. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int atLeast, Duration timeout, Consumer<Integer> progress) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < atLeast) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Only " + records.size() + " of " + atLeast + " records on " + topic + " after " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                progress.accept(records.size());
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    List<ConsumerRecord<byte[], byte[]>> read(String topic, int atLeast, Duration timeout) {
        return read(topic, atLeast, timeout, n -> { });
    }

    /** A consumer assigned every partition of {@code topic}, at its beginning. */
    private KafkaConsumer<byte[], byte[]> fromTheBeginning(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Every record on {@code topic} now: read from the beginning up to the end offsets taken first. */
    List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheBeginning(topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read " + records.size() + " records of " + topic + ", not to its end, in " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Sum over ingress partitions of end offset minus the group's committed offset. */
    long uncommitted() {
        try (Admin admin = admin()) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(ingress())).allTopicNames().get().get(ingress())
                    .partitions().stream().map(info -> new TopicPartition(ingress(), info.partition())).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(RunTopics.consumerGroup(service)).partitionsToOffsetAndMetadata().get();
            long total = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                total += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return total;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
