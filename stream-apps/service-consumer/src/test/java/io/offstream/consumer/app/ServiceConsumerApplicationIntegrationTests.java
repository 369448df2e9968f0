package io.offstream.consumer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.offstream.consumer.app.support.GreeterJar;
import io.offstream.consumer.app.support.TestCatalogue;
import io.offstream.consumer.core.avro.AvroModels;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.contract.service.InvalidServiceException;
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Boot wiring over a catalogue entry onboarded as files only (a descriptor, two schemas, a
 * function jar): the entry's function serves the run topics, its descriptor limits apply, health
 * shows the binding, metrics and the rate-limit endpoint answer, and its writes (rate limit, pause
 * and resume) ask the configured credentials; a bad entry fails the start.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ServiceConsumerApplicationIntegrationTests {

    private static final Schema GREETING = new Schema.Parser().parse(GreeterJar.REQUEST);

    private static final Schema REPLY = new Schema.Parser().parse(GreeterJar.RESPONSE);

    private static final String PASSWORD = "consumer-it-password";

    private static final String WRITER = basic("offstream", PASSWORD);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesACatalogueEntryFromItsFunctionJarWithTheDescriptorsLimits(@TempDir Path dir, KafkaTopics kafka) throws Exception {
        Path jar = GreeterJar.build(dir);
        TestCatalogue catalogue = new TestCatalogue(dir.resolve("services")).greeter("greet",
                "{function: greeter, jar: " + jar.toUri() + "}",
                "{max-in-flight: 32, rate-limit-per-second: 50, max-attempts: 2, call-timeout: 3s}");
        try (ConfigurableApplicationContext context = SpringApplication.run(ServiceConsumerApplication.class,
                     "--server.port=0", "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                     "--offstream.consumer.service=greet", "--offstream.services.location=" + catalogue.root(),
                     "--spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.metadata.max.age.ms=1000", "--greeter.word=hi",
                     "--offstream.security.password=" + PASSWORD)) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            RunTopics run = RunTopics.of("greet", "run1");
            run.all().forEach(topic -> kafka.create(topic, 1));
            kafka.produce(List.of(ingress(run.ingress(), "Ada", greeting("Ada", "12.30"))));

            List<ConsumerRecord<byte[], byte[]>> results = kafka.readAtLeast(run.egress(), 1, Duration.ofSeconds(60));
            assertThat(results).hasSize(1);
            ConsumerRecord<byte[], byte[]> result = results.get(0);
            GenericRecord reply = new BinaryMessageDecoder<GenericRecord>(AvroModels.generic(), REPLY).decode(result.value());
            assertThat(reply.get("text")).hasToString("hi Ada");
            assertThat(reply.get("doubled")).isEqualTo(new BigDecimal("24.60"));
            assertThat(new String(result.key(), StandardCharsets.UTF_8)).isEqualTo("Ada");
            assertThat(new String(result.headers().lastHeader(RunHeaders.RUN_KEY).value(), StandardCharsets.UTF_8)).isEqualTo("run1");

            assertThat(get(base + "/actuator/health/binding")).contains("\"status\":\"UP\"").contains("offstream-greet")
                    .contains("\"maxInFlight\":32");
            assertThat(get(base + "/actuator/ratelimit")).contains("50");
            // lifting the cap asks the credentials
            assertThat(post(base + "/actuator/ratelimit", "{\"permitsPerSecond\":0}", null)).isEqualTo(401);
            assertThat(post(base + "/actuator/ratelimit", "{\"permitsPerSecond\":0}", basic("offstream", "wrong"))).isEqualTo(401);
            assertThat(get(base + "/actuator/ratelimit")).contains("50");
            assertThat(post(base + "/actuator/ratelimit", "{\"permitsPerSecond\":123}", WRITER)).isEqualTo(200);
            assertThat(get(base + "/actuator/ratelimit")).contains("123");
            String prometheus = get(base + "/actuator/prometheus");
            assertThat(prometheus)
                    .contains("offstream_consumer_records_out_total{service=\"greet\"} 1.0")
                    .contains("offstream_consumer_in_flight_limit{service=\"greet\"} 32.0")
                    .contains("offstream_consumer_rate_limit{service=\"greet\"} 123.0")
                    .contains("offstream_service_latency_seconds_bucket")
                    // the Kafka clients' own metrics and the binder's lag of the group
                    .contains("kafka_consumer_fetch_manager_records_consumed_total")
                    .contains("kafka_producer_record_send_total")
                    .contains("spring_cloud_stream_binder_kafka_offset")
                    // log events by level, counted by an appender rather than Micrometer's turbo filter
                    .contains("logback_events_total{level=\"info\"}");
            // the binder's health, and its bindings: listed, paused and resumed
            assertThat(get(base + "/actuator/health")).contains("\"binders\"");
            assertThat(get(base + "/actuator/bindings")).contains("\"bindingName\":\"ingress\"")
                    .contains("\"ackMode\":\"MANUAL\"")
                    // derived: far more than the window finishes in half the poll interval, so the ceiling: a
                    // fifth of max-uncommitted (100 x the window of 32)
                    .contains("\"max.poll.records\":\"640\"");
            assertThat(post(base + "/actuator/bindings/ingress", "{\"state\":\"PAUSED\"}", null)).isEqualTo(401);
            assertThat(post(base + "/actuator/bindings/ingress", "{\"state\":\"PAUSED\"}", basic("offstream", "wrong"))).isEqualTo(401);
            assertThat(get(base + "/actuator/bindings/ingress")).contains("\"state\":\"running\"");
            assertThat(post(base + "/actuator/bindings/ingress", "{\"state\":\"PAUSED\"}", WRITER)).isEqualTo(204);
            assertThat(get(base + "/actuator/bindings/ingress")).contains("\"state\":\"paused\"");
            assertThat(post(base + "/actuator/bindings/ingress", "{\"state\":\"RESUMED\"}", null)).isEqualTo(401);
            assertThat(post(base + "/actuator/bindings/ingress", "{\"state\":\"RESUMED\"}", WRITER)).isEqualTo(204);
            assertThat(get(base + "/actuator/bindings/ingress")).contains("\"state\":\"running\"");
        }
    }

    @Test
    void aBadCatalogueEntryFailsTheStartNamingEveryProblem(@TempDir Path dir) {
        TestCatalogue catalogue = new TestCatalogue(dir).entry("broken", "name: broken\nkey: [nobody]\n",
                GreeterJar.REQUEST, GreeterJar.RESPONSE);

        Throwable failure = catchThrowable(() -> SpringApplication.run(ServiceConsumerApplication.class, "--server.port=0",
                "--offstream.consumer.service=broken", "--offstream.services.location=" + catalogue.root()).close());

        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidServiceException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isNotNull().hasMessageStartingWith("Service 'broken' is not usable: ").hasMessageContaining("invoke");
    }

    private static GenericRecord greeting(String name, String amount) {
        GenericRecord greeting = new GenericData.Record(GREETING);
        greeting.put("name", name);
        greeting.put("amount", new BigDecimal(amount));
        return greeting;
    }

    /** The greeting as ingress writes it: single-object encoded, keyed, with the run key header. */
    private static ProducerRecord<byte[], byte[]> ingress(String topic, String key, GenericRecord value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(AvroModels.generic(), value.getSchema()).encode(value, bytes);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
        record.headers().add(RunHeaders.RUN_KEY, "run1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private int post(String url, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
