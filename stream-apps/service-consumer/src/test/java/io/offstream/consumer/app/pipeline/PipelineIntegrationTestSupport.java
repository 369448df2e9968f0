package io.offstream.consumer.app.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.app.ServiceConsumerApplication;
import io.offstream.consumer.app.support.TestCatalogue;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What the pipeline's integration tests share: a real KraftBroker in this JVM (one per test class),
 * the consumer app started on it over a catalogue entry whose function is the test's (a bean of the
 * app's context, the entry's {@code invoke.function}), run topics created like the plan phase does,
 * ingress records produced like the ingress phase does, and readers for egress, DLQ and the group's
 * committed offsets.
 */
abstract class PipelineIntegrationTestSupport {

    static final HistorySchemaStore STORE = HistorySchemaStore.fromClasspath();

    static final SpecificRecordCodec<Transaction> TRANSACTIONS = SpecificRecordCodec.of(Transaction.class, STORE);

    static final SpecificRecordCodec<RiskDecision> DECISIONS = SpecificRecordCodec.of(RiskDecision.class, STORE);

    @TempDir
    static Path brokerDir;

    @TempDir
    Path catalogueDir;

    static KraftBroker broker;

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    MeterRegistry registry;

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
    void stopApps() {
        apps.forEach(ConfigurableApplicationContext::close);
    }

    static String bootstrap() {
        return broker.bootstrapServers();
    }

    /** The consumer's options ({@code offstream.consumer.*}) for a service. */
    static Options options(String service) {
        return new Options(service);
    }

    static final class Options {

        final String service;

        final Map<String, Object> values = new LinkedHashMap<>();

        final List<String> args = new ArrayList<>();

        Options(String service) {
            this.service = service;
        }

        Options set(String option, Object value) {
            values.put(option, value);
            return this;
        }

        /** Any other property, e.g. the binder's: {@code --name=value}. */
        Options arg(String arg) {
            args.add(arg);
            return this;
        }
    }

    /**
     * Starts the consumer app serving {@code options.service}: an entry with the sample's schemas
     * whose function is {@code service}, registered as the bean the entry names.
     */
    ConfigurableApplicationContext start(Options options, Function<Transaction, RiskDecision> service, int workers) {
        new TestCatalogue(catalogueDir).entry(options.service, """
                name: %s
                key: [txn_id]
                invoke: {function: testService}
                consumer: {max-in-flight: 256, max-attempts: 4, call-timeout: 10s}
                """.formatted(options.service), Transaction.getClassSchema().toString(true),
                RiskDecision.getClassSchema().toString(true));
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap(),
                "--spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.metadata.max.age.ms=1000",
                "--offstream.services.location=" + catalogueDir,
                "--offstream.consumer.service=" + options.service,
                "--offstream.consumer.workers=" + workers,
                "--offstream.consumer.exit-on-failure=false"));
        options.values.forEach((option, value) -> args.add("--offstream.consumer." + option + "=" + value));
        args.addAll(options.args);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ServiceConsumerApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testService", Function.class,
                        () -> service))
                .run(args.toArray(String[]::new));
        apps.add(app);
        registry = app.getBean(MeterRegistry.class);
        return app;
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
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheStart(topic)) {
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

    /** Everything on the topic now, read for {@code wait} (for topics that should stay empty). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration wait) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromTheStart(topic)) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** A consumer of no group, assigned every partition of the topic, at its beginning. */
    private static KafkaConsumer<byte[], byte[]> fromTheStart(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
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
