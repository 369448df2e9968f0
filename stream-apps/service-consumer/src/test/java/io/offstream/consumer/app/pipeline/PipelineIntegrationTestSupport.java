package io.offstream.consumer.app.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.app.ServiceConsumerApplication;
import io.offstream.consumer.app.support.TestCatalogue;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What the pipeline's integration tests share: the test JVM's shared KRaft broker (each class serves
 * a service of its own, so its topics and group are its own),
 * the consumer app started on it over a catalogue entry whose function is the test's (a bean of the
 * app's context, the entry's {@code invoke.function}), run topics created like the plan phase does,
 * ingress records produced like the ingress phase does, and readers for egress, DLQ and the group's
 * committed offsets, over test-support's {@link KafkaTopics}.
 */
@ExtendWith(KafkaBrokerExtension.class)
abstract class PipelineIntegrationTestSupport {

    static final HistorySchemaStore STORE = HistorySchemaStore.fromClasspath();

    static final SpecificRecordCodec<Transaction> TRANSACTIONS = SpecificRecordCodec.of(Transaction.class, STORE);

    static final SpecificRecordCodec<RiskDecision> DECISIONS = SpecificRecordCodec.of(RiskDecision.class, STORE);

    @TempDir
    Path catalogueDir;

    static KafkaTopics kafka;

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    /** Every log event of the apps this test started, from their start on. */
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    MeterRegistry registry;

    @BeforeAll
    static void useTheSharedBroker(KafkaTopics sharedBroker) {
        kafka = sharedBroker;
    }

    @AfterEach
    void stopApps() {
        apps.forEach(ConfigurableApplicationContext::close);
        rootLogger().detachAppender(logged);
    }

    static String bootstrap() {
        return kafka.bootstrapServers();
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
                // once Boot has set up logging (it resets Logback's appenders) and before anything is consumed
                .initializers(context -> {
                    logged.start();
                    rootLogger().addAppender(logged);
                })
                .run(args.toArray(String[]::new));
        apps.add(app);
        registry = app.getBean(MeterRegistry.class);
        return app;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The formatted messages of what the apps logged at {@code level}, with their exceptions' class names. */
    List<String> loggedAt(Level level) {
        return logged.list.stream().filter(event -> event.getLevel() == level)
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : " " + event.getThrowableProxy().getClassName()))
                .toList();
    }

    static void createRunTopics(String service, String runKey, int partitions) {
        RunTopics run = RunTopics.of(service, runKey);
        kafka.create(new NewTopic(run.ingress(), partitions, (short) 1), new NewTopic(run.egress(), partitions, (short) 1),
                new NewTopic(run.dlq(), 1, (short) 1));
    }

    /** Produces transaction values (or raw bytes) with the ingress headers; keys are the txn ids. */
    static void produce(String topic, String runKey, List<byte[]> keys, List<byte[]> values) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keys.get(i), values.get(i));
            record.headers().add(RunHeaders.RUN_KEY, utf8(runKey));
            record.headers().add(RunHeaders.PARTITION_DATE, utf8("2024-03-01"));
            record.headers().add(RunHeaders.SOURCE_POSITION, utf8(Integer.toString(i)));
            records.add(record);
        }
        kafka.produce(records);
    }

    static void produceTransactions(String topic, String runKey, List<Transaction> transactions) {
        produce(topic, runKey, transactions.stream().map(t -> utf8(t.getTxnId())).toList(),
                transactions.stream().map(TRANSACTIONS::encode).toList());
    }

    /** Reads the topic from the start until {@code count} records arrived, and whatever else is there by then. */
    static List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count, Duration timeout) {
        return kafka.readAtLeast(topic, count, timeout);
    }

    /** Everything on the topic now, read for {@code wait} (for topics that should stay empty). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration wait) {
        return kafka.readFor(topic, wait);
    }

    /** Ingress end offsets minus the service group's committed offsets, per partition (0 = drained). */
    static Map<Integer, Long> uncommitted(String service, String topic) {
        return kafka.uncommitted(RunTopics.consumerGroup(service), topic);
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
