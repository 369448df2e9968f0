package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.consumer.core.json.PlainJsonCodec;
import io.offstream.contract.jobs.EgressLandingSchema;
import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunTopics;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * A second service that shares nothing with the sample: the Python pricing service (HTTP, plain
 * JSON) over the orders dataset (two-field key, decimals, timestamp-micros, an array, a nested
 * record, a nullable enum), onboarded by its catalogue folder alone. The run goes through SCDF end
 * to end; then the service, called directly with the very requests the run sent it, must answer
 * what landed, field by field. The run is also where the platform's secure defaults are checked
 * ({@link SecureDefaults}): all of its processes are up, the Python service among them.
 */
class PricingRunIntegrationTests extends PipelineIntegrationTestSupport {

    private static final String PRICING = "pricing";

    private static final int PARITY_SAMPLE = 300;

    private static JavaProcess pricingService;

    private static JavaProcess pricingConsumer;

    private static int servicePort;

    private Path pricingCatalogue;

    @BeforeEach
    void platformAndService(LocalPlatform platform) throws Exception {
        setUp(platform);
        if (servicePort == 0) {
            servicePort = FreePorts.find();
        }
        pricingCatalogue = catalogueWithServicePort(servicePort);
        if (pricingService == null || !pricingService.isAlive()) {
            Path script = platform.layout().root().resolve("stream-apps/sample-pricing-service/pricing_service.py");
            pricingService = JavaProcess.command("pricing-service", List.of("python3", script.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(servicePort))).logFile(platform.workDir().resolve("logs/pricing-service.log")).start();
            pricingService.awaitReady(Duration.ofSeconds(30), () -> Await.httpOk("http://127.0.0.1:" + servicePort + "/health"));
        }
        if (pricingConsumer == null || !pricingConsumer.isAlive()) {
            pricingConsumer = startConsumer("pricing-consumer", FreePorts.find(), PRICING, pricingCatalogue);
        }
    }

    @AfterAll
    static void stopPricing() {
        for (JavaProcess process : new JavaProcess[] {pricingConsumer, pricingService}) {
            if (process != null) {
                process.close();
            }
        }
        pricingConsumer = null;
        pricingService = null;
    }

    @Test
    void aPythonServiceOverItsOwnTableRunsByCatalogueAloneAndLandsWhatItAnswers() throws Exception {
        LocalDate from = LocalDate.of(2026, 5, 1);
        Path dataset = sampleWarehouse("orders", from, 2, 2_500, 0.04);
        String runKey = "pricing-" + UUID.randomUUID().toString().substring(0, 8);

        // watched for secrets on command lines while it runs: the database's password, and a Kafka client password every task gets
        String planted = SecureDefaults.plantedSecret();
        List<String> secrets = List.of(SecureDefaults.databasePassword(platform), planted);
        JsonNode end;
        CommandLineWatch watch = CommandLineWatch.start(secrets);
        try (watch) {
            long runner = launchComposed("offstream-run", PRICING, pricingCatalogue, runKey, dataset, from, from.plusDays(1),
                    Map.of(SecureDefaults.PLANTED_PROPERTY, planted));
            end = dataflow.awaitTaskEnd(runner, RUN_TIMEOUT);
        }

        assertThat(end.path("exitCode").asInt()).as("offstream-run %s", end).isZero();
        JsonNode report = report(PRICING, runKey);
        assertThat(report.path("passed").asBoolean()).as("report %s", report).isTrue();
        assertThat(report.path("sourceRows").asLong()).isEqualTo(5_000);
        assertThat(report.path("deadLettered").asLong()).as("the service refused nothing").isZero();
        assertThat(report.path("keyFields")).extracting(JsonNode::asText).containsExactly("order_id", "line_no");

        // every planted bad row is rejected with its generic reason and field, and kept in the quarantine
        Map<String, Long> expectedRejects = expectedRejectsByReason(dataset);
        assertThat(expectedRejects.keySet()).containsExactlyInAnyOrder("NULL_REQUIRED_FIELD", "TYPE_MISMATCH", "OUT_OF_RANGE",
                "PATTERN_MISMATCH", "NOT_IN_SET", "TOO_LONG", "EVENT_TIME_OUTSIDE_PARTITION", "DUPLICATE_KEY");
        assertThat(quarantinedByReason(runKey)).isEqualTo(expectedRejects);

        // one landed row per accepted key, and only those
        ServiceDefinition pricing = ServiceCatalogue.local(pricingCatalogue.toUri()).load(PRICING);
        List<GenericRecord> landed = landedRows(runKey);
        RecordKeys keys = new RecordKeys(pricing.descriptor().key());
        List<String> landedKeys = landed.stream().map(keys::keyOf).toList();
        assertThat(new HashSet<>(landedKeys)).hasSameSizeAs(landedKeys).isEqualTo(expectedAcceptedKeys(dataset));

        // parity: the service called directly with the run's own requests answers what landed
        Map<String, GenericRecord> requests = ingressRequests(pricing, runKey, Set.copyOf(landedKeys.subList(0, PARITY_SAMPLE)));
        assertThat(requests).hasSize(PARITY_SAMPLE);
        PlainJsonCodec<GenericRecord> requestJson = PlainJsonCodec.of(pricing.requestSchema());
        // landed rows are read with the landing schema (decimals on fixed), written as the service's JSON would be
        PlainJsonCodec<GenericRecord> landedJson = PlainJsonCodec.of(EgressLandingSchema.of(pricing));
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        HttpClient http = HttpClient.newHttpClient();
        int compared = 0;
        for (GenericRecord row : landed.subList(0, PARITY_SAMPLE)) {
            String key = keys.keyOf(row);
            HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + "/price"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requestJson.write(requests.get(key)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).as("direct call for %s: %s", key, direct.body()).isEqualTo(200);
            JsonNode answered = json.readTree(direct.body());
            JsonNode stored = json.readTree(landedJson.write(row));
            for (Schema.Field field : pricing.responseSchema().getFields()) {
                assertSameValue(key + "." + field.name(), answered.path(field.name()), stored.path(field.name()));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(PARITY_SAMPLE);

        SecureDefaults.assertNoSecretShown(platform, watch, secrets);
    }

    @Test
    void nothingThePlatformListensOnIsReachableFromAnotherAddress() throws Exception {
        SecureDefaults.assertNothingReachableFromAnotherAddress(platform, platform.kafka().port(), consumerPort, servicePort);
    }

    /** The checkout's pricing folder, copied with the service's URL on this test's port. */
    private Path catalogueWithServicePort(int port) throws IOException {
        Path source = catalogue().resolve(PRICING);
        Path target = scratch.resolve("catalogue").resolve(PRICING);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(file);
                Files.writeString(copy, file.getFileName().toString().equals("service.yaml")
                        ? text.replace("http://127.0.0.1:8083/price", "http://127.0.0.1:" + port + "/price") : text);
            }
        }
        assertThat(Files.readString(target.resolve("service.yaml"))).contains(":" + port + "/price");
        return target.getParent();
    }

    private static Map<String, Long> expectedRejectsByReason(Path dataset) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(dataset.resolve("_expected/summary.json").toFile());
        Map<String, Long> byReason = new TreeMap<>();
        for (JsonNode day : summary.path("days")) {
            day.path("bad").fields().forEachRemaining(kind -> byReason.merge(kind.getKey(), kind.getValue().asLong(), Long::sum));
        }
        byReason.values().removeIf(count -> count == 0);
        return byReason;
    }

    private Map<String, Long> quarantinedByReason(String runKey) throws IOException {
        Map<String, Long> byReason = new TreeMap<>();
        for (GenericRecord row : parquetRows(Path.of(new RunLayout(landing().toUri(), PRICING, runKey).quarantine()))) {
            assertThat(row.get("reason_field")).as("the rejected field of %s", row).isNotNull();
            byReason.merge(row.get("reason_code").toString(), 1L, Long::sum);
        }
        return byReason;
    }

    private List<GenericRecord> landedRows(String runKey) throws IOException {
        return parquetRows(Path.of(new RunLayout(landing().toUri(), PRICING, runKey).runDirectory()));
    }

    /** The requests ingress published for these keys, decoded as the consumer decodes them. */
    private Map<String, GenericRecord> ingressRequests(ServiceDefinition pricing, String runKey, Set<String> wanted) {
        GenericRecordCodec codec = new GenericRecordCodec(pricing.schemaStore());
        Map<String, GenericRecord> found = new HashMap<>();
        String topic = RunTopics.of(PRICING, runKey).ingress();
        for (ConsumerRecord<byte[], byte[]> record : new KafkaTopics(platform.kafka().bootstrapServers()).readToEnd(topic, Duration.ofMinutes(2))) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (wanted.contains(key)) {
                found.put(key, codec.decode(record.value()));
            }
        }
        return found;
    }

    /** Equal JSON values; numbers by value (12.3 and 12.30 are one decimal). */
    private static void assertSameValue(String where, JsonNode answered, JsonNode stored) {
        if (answered.isNumber() && stored.isNumber()) {
            assertThat(stored.decimalValue()).as(where).isEqualByComparingTo(answered.decimalValue());
        } else if (answered.isObject() && stored.isObject()) {
            answered.fieldNames().forEachRemaining(name -> assertSameValue(where + "." + name, answered.path(name), stored.path(name)));
            assertThat(stored.size()).as(where).isEqualTo(answered.size());
        } else if (answered.isArray() && stored.isArray()) {
            assertThat(stored.size()).as(where).isEqualTo(answered.size());
            for (int i = 0; i < answered.size(); i++) {
                assertSameValue(where + "[" + i + "]", answered.get(i), stored.get(i));
            }
        } else {
            assertThat(stored).as(where).isEqualTo(answered);
        }
    }
}
