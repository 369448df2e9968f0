package io.offstream.tasks.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.validate.report.RunReportCollector;
import io.offstream.tasks.validate.report.RunReportWriter;
import io.offstream.tasks.validate.sort.SortSettings;

/**
 * A run of the test service {@code settlement} (key: account_id, line_no, booked_on) validated from
 * its real evidence: the ledger (H2), the ingress and DLQ topics (an in-process KRaft broker), the
 * pinned source file and the landed Parquet. Landed keys are rebuilt from the key columns and compare
 * with the topics' keys; the report lands where the run layout says, naming the service and key, and
 * the run report beside it, passed or failed, counting the DLQ's records by their error header.
 */
class RunValidatorIntegrationTests {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");
    private static final int ACCEPTED = 10;
    private static final int REJECTED = 2;

    static KraftBroker broker;

    @TempDir
    Path work;

    private RunLedger ledger;
    private LedgerRun run;
    private RunLayout layout;
    private List<GenericRecord> requests;

    @BeforeAll
    static void startBroker(@TempDir Path kafka) throws Exception {
        broker = new KraftBroker(KraftBrokerSettings.builder(kafka).freePorts().build()).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void ingestARun() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
        RunParameters parameters = RunParameters.resolve(work.resolve("warehouse").toString(), DAY.toString(), DAY.toString(),
                "settlement", "r-" + UUID.randomUUID().toString().substring(0, 8), work.resolve("landing").toString());
        run = new LedgerRun(parameters, parameters.topics(), 2, Instant.now(), "PLANNED");
        layout = parameters.layout();

        requests = new ArrayList<>();
        for (int i = 0; i < ACCEPTED + REJECTED; i++) {
            requests.add(TestLandings.request(100 + i / 3, i % 3, DAY.minusDays(i % 2)));
        }
        Path source = work.resolve("warehouse/dt=" + DAY + "/part-0.parquet");
        TestLandings.write(source, requests);
        ledger.createRunIfAbsent(run, List.of(new PlannedPartition(DAY, List.of(
                new ManifestFile(source.toUri().toString(), Files.size(source), Instant.now())))));
        ledger.startPhase(run.runKey(), Phase.INGRESS, 1L);
        ledger.completePhase(run.runKey(), Phase.INGRESS, PhaseCounts.ingress(ACCEPTED + REJECTED, REJECTED, ACCEPTED), "ingested");

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(run.topics().all().stream().map(t -> new NewTopic(t, 2, (short) 1)).toList()).all().get();
        }
        for (GenericRecord request : requests.subList(0, ACCEPTED)) {
            send(run.topics().ingress(), TestLandings.key(request));
        }
        send(run.topics().dlq(), TestLandings.key(requests.get(ACCEPTED - 1)), new RecordHeader(RunHeaders.ERROR_CLASS,
                "java.net.SocketTimeoutException".getBytes(StandardCharsets.UTF_8)), new RecordHeader(RunHeaders.ERROR_STAGE,
                "service".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRunWhoseEveryAcceptedKeyLandedOrWasDeadLetteredPasses() throws Exception {
        land(requests.subList(0, ACCEPTED - 1));

        ValidationReport report = validator().validate(run, RunSide.Which.BASELINE, 2L);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.landedDistinct()).isEqualTo(ACCEPTED - 1);
        assertThat(report.deadLettered()).isEqualTo(1);
        JsonNode written = new ObjectMapper().readTree(Path.of(layout.validationReport()).toFile());
        assertThat(written.path("service").asText()).isEqualTo("settlement");
        assertThat(written.path("keyFields").toString()).isEqualTo("[\"account_id\",\"line_no\",\"booked_on\"]");
        assertThat(written.path("passed").asBoolean()).isTrue();
        assertThat(written.path("sourceRows").asLong()).isEqualTo(ACCEPTED + REJECTED);
        assertThat(work.resolve("spill")).as("the sorters' spill files are deleted").isEmptyDirectory();
        String page = Files.readString(Path.of(layout.reportDirectory()).resolve("index.html"));
        assertThat(page).contains(run.runKey(), "PASSED", 
                "\"deadLetters\":{\"labels\":[\"java.net.SocketTimeoutException\"],\"counts\":[1]}");
    }

    @Test
    void anAcceptedKeyThatNeverLandedFailsTheRunNamedByItsKeyText() throws Exception {
        land(requests.subList(1, ACCEPTED - 1));
        String missing = TestLandings.key(requests.get(0));

        ValidationReport report = validator().validate(run, RunSide.Which.BASELINE, 2L);

        assertThat(missing).isEqualTo("100|0|2026-03-01");
        assertThat(report.passed()).isFalse();
        assertThat(report.missingKeys()).containsExactly(missing);
        assertThat(report.summary()).contains(missing);
        assertThat(ledger.phase(run.runKey(), Phase.VALIDATE).orElseThrow().completed()).isFalse();
        assertThat(Path.of(layout.reportDirectory()).resolve("index.html")).as("a failed run has its run report too")
                .content().contains("FAILED", missing);
    }

    private RunValidator validator() {
        ServicesProperties services = new ServicesProperties();
        services.setLocation(TestLandings.TEST_CATALOGUE.toString());
        Configuration hadoop = new Configuration();
        return new RunValidator(ledger, new TopicKeys(Map.of("bootstrap.servers", broker.bootstrapServers()), Duration.ofMinutes(1)),
                new ParquetKeys(hadoop), new SortSettings(work.resolve("spill"), 1 << 20), new Reconciliation(0, 20), hadoop, services,
                new RunReportWriter(new RunReportCollector(ledger, hadoop, Clock.systemUTC()), hadoop));
    }

    /** Lands the settlements of these requests in their dt folder, as the egress job would. */
    private void land(List<GenericRecord> landedRequests) throws Exception {
        List<GenericRecord> rows = landedRequests.stream().map(r -> TestLandings.landedRow((Long) r.get("account_id"),
                (Integer) r.get("line_no"), LocalDate.ofEpochDay((Integer) r.get("booked_on")))).toList();
        TestLandings.write(TestLandings.dayDirectory(layout, DAY).resolve("part-0.snappy.parquet"), rows);
    }

    private static void send(String topic, String key, RecordHeader... headers) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), new byte[] {0}, List.<Header>of(headers)));
        }
    }
}
