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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunHeaders;
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
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;

/**
 * A run of the test service {@code settlement} (key: account_id, line_no, booked_on) validated from
 * its real evidence: the ledger (H2), the ingress and DLQ topics (the test JVM's shared KRaft broker), the
 * pinned source file and the landed Parquet. Landed keys are rebuilt from the key columns and compare
 * with the topics' keys; the report lands where the run layout says, naming the service and key, and
 * the run report beside it, passed or failed, counting the DLQ's records by their error header.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RunValidatorIntegrationTests {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");
    private static final int ACCEPTED = 10;
    private static final int REJECTED = 2;

    @TempDir
    Path work;

    private RunLedger ledger;
    private LedgerRun run;
    private RunLayout layout;
    private List<GenericRecord> requests;
    private Path corruptible;

    private KafkaTopics kafka;

    @BeforeEach
    void ingestARun(KafkaTopics kafka) throws Exception {
        this.kafka = kafka;
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
        int last = ACCEPTED + REJECTED - 1;
        TestLandings.write(source, requests.subList(0, last));
        // a second pinned file holding the last (rejected) row, which a test corrupts after the fact, as if ingress had skipped it
        corruptible = work.resolve("warehouse/dt=" + DAY + "/part-1.parquet");
        TestLandings.write(corruptible, requests.subList(last, last + 1));
        ledger.createRunIfAbsent(run, List.of(new PlannedPartition(DAY, List.of(
                new ManifestFile(source.toUri().toString(), Files.size(source), Instant.now()),
                new ManifestFile(corruptible.toUri().toString(), Files.size(corruptible), Instant.now())))));
        // the rejected rows, as ingress quarantines them
        TestLandings.write(Path.of(layout.quarantineDay(DAY)).resolve("part-0.parquet"), requests.subList(ACCEPTED, ACCEPTED + REJECTED));
        ledger.startPhase(run.runKey(), Phase.INGRESS, 1L);
        ledger.completePhase(run.runKey(), Phase.INGRESS, PhaseCounts.ingress(ACCEPTED + REJECTED, REJECTED, ACCEPTED), "ingested");

        run.topics().all().forEach(topic -> kafka.create(topic, 2));
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
        assertThat(ledger.findRun(run.runKey()).orElseThrow().status()).isEqualTo("PASSED");
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
        assertThat(ledger.findRun(run.runKey()).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(Path.of(layout.reportDirectory()).resolve("index.html")).as("a failed run has its run report too")
                .content().contains("FAILED", missing);
    }

    @Test
    void rejectedAndDeadLetteredRowsAreExplainedOnlyWithinTheirBudgets() throws Exception {
        land(requests.subList(0, ACCEPTED - 1));

        // 2 of 12 rows rejected (16.7%) and 1 dead-lettered (8.3%)
        ValidationReport report = validator(new ValidationBudgets(0.01, 0), false).validate(run, RunSide.Which.BASELINE, 2L);

        assertThat(report.passed()).isFalse();
        assertThat(report.unexplained()).as("every row is explained").isZero();
        assertThat(report.brokenBudgets()).containsExactly(
                "rejected 2 of 12 source rows (16.67%), above the budget offstream.validate.max-rejected-fraction=0.01",
                "dead-lettered 1 of 12 source rows (8.33%), above the budget offstream.validate.max-dead-lettered-fraction=0.0");
        assertThat(ledger.phase(run.runKey(), Phase.VALIDATE).orElseThrow().message()).contains("max-rejected-fraction");
        JsonNode written = new ObjectMapper().readTree(Path.of(layout.validationReport()).toFile());
        assertThat(written.path("budgets").path("maxRejectedFraction").asDouble()).isEqualTo(0.01);
        assertThat(written.path("brokenBudgets")).hasSize(2);
        assertThat(Path.of(layout.reportDirectory()).resolve("index.html")).content().contains("max-dead-lettered-fraction");

        assertThat(validator(new ValidationBudgets(2.0 / 12, 1.0 / 12), false).validate(run, RunSide.Which.BASELINE, 3L).passed())
                .as("exactly at both budgets").isTrue();
    }

    @Test
    void theQuarantinesRowsMustBeTheRejectedRows() throws Exception {
        land(requests.subList(0, ACCEPTED - 1));
        Files.delete(Path.of(layout.quarantineDay(DAY)).resolve("part-0.parquet"));
        TestLandings.write(Path.of(layout.quarantineDay(DAY)).resolve("part-0.parquet"), requests.subList(ACCEPTED, ACCEPTED + 1));

        ValidationReport report = validator().validate(run, RunSide.Which.BASELINE, 2L);

        assertThat(report.passed()).isFalse();
        assertThat(report.quarantinedRows()).isEqualTo(1);
        assertThat(report.problems()).anyMatch(p -> p.contains("holds 1 rows but ingress recorded 2 rejected"));
    }

    @Test
    void aPinnedFileIngressSkippedFailsTheRunUnlessAllowed() throws Exception {
        land(requests.subList(0, ACCEPTED - 1));
        Files.writeString(corruptible, "not parquet any more");
        // what ingress with on-corrupt-file=skip records: the readable file's rows only
        ledger.completePhase(run.runKey(), Phase.INGRESS, PhaseCounts.ingress(ACCEPTED + REJECTED - 1, REJECTED - 1, ACCEPTED), "ingested");
        Files.delete(Path.of(layout.quarantineDay(DAY)).resolve("part-0.parquet"));
        TestLandings.write(Path.of(layout.quarantineDay(DAY)).resolve("part-0.parquet"), requests.subList(ACCEPTED, ACCEPTED + 1));

        ValidationReport refused = validator(ValidationBudgets.UNLIMITED, false).validate(run, RunSide.Which.BASELINE, 2L);
        assertThat(refused.passed()).isFalse();
        assertThat(refused.skippedFiles()).containsExactly(corruptible.toUri().toString());
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("1 pinned file(s) could not be read") && p.contains("part-1.parquet")
                && p.contains("offstream.validate.allow-skipped-files=true"));

        ValidationReport allowed = validator(ValidationBudgets.UNLIMITED, true).validate(run, RunSide.Which.BASELINE, 3L);
        assertThat(allowed.passed()).as(allowed.summary()).isTrue();
        assertThat(allowed.skippedFiles()).containsExactly(corruptible.toUri().toString());
    }

    private RunValidator validator() {
        return validator(ValidationBudgets.UNLIMITED, false);
    }

    private RunValidator validator(ValidationBudgets budgets, boolean allowSkippedFiles) {
        ServicesProperties services = new ServicesProperties();
        services.setLocation(TestLandings.TEST_CATALOGUE.toString());
        Configuration hadoop = new Configuration();
        return new RunValidator(ledger, new TopicKeys(Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofMinutes(1)),
                new ParquetKeys(hadoop), new SortSettings(work.resolve("spill"), 1 << 20), new Reconciliation(0, budgets, 20), hadoop,
                services, new RunReportWriter(new RunReportCollector(ledger, hadoop, Clock.systemUTC()), hadoop), allowSkippedFiles);
    }

    /** Lands the settlements of these requests in their dt folder, as the egress job would. */
    private void land(List<GenericRecord> landedRequests) throws Exception {
        List<GenericRecord> rows = landedRequests.stream().map(r -> TestLandings.landedRow((Long) r.get("account_id"),
                (Integer) r.get("line_no"), LocalDate.ofEpochDay((Integer) r.get("booked_on")))).toList();
        TestLandings.write(TestLandings.dayDirectory(layout, DAY).resolve("part-0.snappy.parquet"), rows);
    }

    private void send(String topic, String key, RecordHeader... headers) {
        kafka.produce(List.of(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), new byte[] {0}, List.<Header>of(headers))));
    }
}
