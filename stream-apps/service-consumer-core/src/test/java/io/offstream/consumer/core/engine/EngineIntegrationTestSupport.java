package io.offstream.consumer.core.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.offstream.consumer.core.invoke.FunctionServiceInvoker;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine's integration tests share: a real KraftBroker in this JVM (one per test class),
 * run topics created like the plan phase does, ingress records produced like the ingress phase
 * does, and readers for egress, DLQ and the group's committed offsets.
 */
abstract class EngineIntegrationTestSupport {

    static final HistorySchemaStore STORE = HistorySchemaStore.fromClasspath();

    static final SpecificRecordCodec<Transaction> TRANSACTIONS = SpecificRecordCodec.of(Transaction.class, STORE);

    static final SpecificRecordCodec<RiskDecision> DECISIONS = SpecificRecordCodec.of(RiskDecision.class, STORE);

    @TempDir
    static Path brokerDir;

    static KraftBroker broker;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final List<ServiceConsumer<?, ?>> engines = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new KraftBroker(KraftBrokerSettings.builder(brokerDir).freePorts().build()).start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(ServiceConsumer::close);
    }

    static String bootstrap() {
        return broker.bootstrapServers();
    }

    ServiceConsumerSettings settings(String service) {
        return ServiceConsumerSettings.defaults(service, bootstrap()).withTopicRefresh(Duration.ofSeconds(1));
    }

    /** The engine hosting the function, with the codecs the consumer app builds for the sample's catalogue entry. */
    ServiceConsumer<IndexedRecord, IndexedRecord> start(ServiceConsumerSettings settings, Function<Transaction, RiskDecision> service,
            int workers) {
        Function<IndexedRecord, IndexedRecord> function = request -> service.apply((Transaction) request);
        ServiceConsumer<IndexedRecord, IndexedRecord> engine = new ServiceConsumer<>(settings,
                new FunctionServiceInvoker<>(function, workers), RecordCodecs.avro(STORE.history().require(Transaction.getClassSchema().getFullName()),
                        STORE.history().require(RiskDecision.getClassSchema().getFullName()), getClass().getClassLoader()),
                registry);
        engines.add(engine);
        return engine.start();
    }

    static void createRunTopics(String service, String runKey, int partitions) {
        RunTopics run = RunTopics.of(service, runKey);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(run.ingress(), partitions, (short) 1),
                    new NewTopic(run.egress(), partitions, (short) 1),
                    new NewTopic(run.dlq(), 1, (short) 1))).all().get();
            awaitLeaders(admin, run.all());
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces transaction values (or raw bytes) with the ingress headers; keys are the txn ids. */
    static void produce(String topic, String runKey, List<byte[]> keys, List<byte[]> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys.size(); i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keys.get(i), values.get(i));
                record.headers().add(RunHeaders.RUN_KEY, utf8(runKey));
                record.headers().add(RunHeaders.PARTITION_DATE, utf8("2024-03-01"));
                record.headers().add(RunHeaders.SOURCE_POSITION, utf8(Integer.toString(i)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    static void produceTransactions(String topic, String runKey, List<Transaction> transactions) {
        produce(topic, runKey, transactions.stream().map(t -> utf8(t.getTxnId())).toList(),
                transactions.stream().map(TRANSACTIONS::encode).toList());
    }

    /** Reads the topic from the start until {@code count} records arrived (or fails after the timeout). */
    static List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Only " + records.size() + " of " + count + " records on " + topic + " after " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // anything more that is already there (duplicates would show here)
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    /** Ingress end offsets minus the group's committed offsets, per partition (0 = drained). */
    static Map<TopicPartition, Long> uncommitted(String service, String topic) {
        try (Admin admin = admin()) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(RunTopics.consumerGroup(service)).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                result.put(tp, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
            }
            return result;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh topic answers NOT_LEADER for a moment; an idempotent producer pipelining into that can wedge. */
    static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                boolean ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(info -> info.leader() != null && !info.leader().isEmpty()));
                if (ready) {
                    return;
                }
            }
            catch (ExecutionException notYetKnown) {
                // the broker's metadata has not caught up with the controller yet
            }
            Thread.sleep(50);
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    double counter(String name) {
        return registry.get(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
