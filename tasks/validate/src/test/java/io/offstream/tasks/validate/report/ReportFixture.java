package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.validate.ValidationBudgets;
import io.offstream.tasks.validate.ValidationReport;

/**
 * A run as the report's sources leave it, in temporary folders and an H2 ledger: its phases with their
 * times, the sampled series (rows done per phase, each group's lag), ingress's partition rows and
 * reject counts, the quarantine's Parquet, each side's landed Parquet, the DLQ's error headers and,
 * for a simulation, the diff job's summary.json.
 */
final class ReportFixture {

    static final LocalDate DAY_1 = LocalDate.parse("2026-03-01");
    static final LocalDate DAY_2 = LocalDate.parse("2026-03-02");
    static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    static final String INJECTED = "<script>alert('injected')</script>";

    private static final Schema LANDED = SchemaBuilder.record("decision").fields().requiredString("txn_id").endRecord();
    private static final Schema QUARANTINE = SchemaBuilder.record("spark_schema").fields().optionalString("txn_id")
            .optionalString("amount").optionalString("reason_code").optionalString("reason_field").optionalString("reason_message")
            .optionalString("source_file").optionalLong("source_row").endRecord();

    final JdbcDataSource dataSource = new JdbcDataSource();
    final RunLedger ledger;
    private final LedgerRun run;
    final Configuration hadoop = new Configuration();
    private final DeadLetterErrors deadLetters = new DeadLetterErrors();

    private ReportFixture(Path work, String candidate) {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
        RunParameters parameters = RunParameters.resolve(work.resolve("warehouse").toString(), DAY_1.toString(), DAY_2.toString(), "risk",
                "r-" + UUID.randomUUID().toString().substring(0, 8), work.resolve("landing").toString(), candidate);
        run = new LedgerRun(parameters, parameters.topics(), 2, START.minusSeconds(60), "PLANNED");
        ledger.createRunIfAbsent(run, List.of(new PlannedPartition(DAY_1, List.of(new ManifestFile("file:/w/dt=2026-03-01/a.parquet", 10,
                START))), new PlannedPartition(DAY_2, List.of())));
    }

    /** A plan, nothing else: no phases, samples, quarantine, landing or DLQ records. */
    static ReportFixture planned(Path work) {
        return new ReportFixture(work, null);
    }

    /** A simulation of risk against risk-candidate with every source of the report filled. */
    static ReportFixture simulation(Path work) throws IOException {
        ReportFixture fixture = new ReportFixture(work, "risk-candidate");
        fixture.ranEveryPhase();
        return fixture;
    }

    LedgerRun run() {
        return run;
    }

    DeadLetterErrors deadLetters() {
        return deadLetters;
    }

    RunLayout layout(RunSide.Which which) {
        return run.side(which).layout();
    }

    RunReportCollector collector() {
        return new RunReportCollector(ledger, hadoop, Clock.fixed(START.plusSeconds(200), ZoneOffset.UTC));
    }

    /** What validate found for a side, with a problem whose text is markup. */
    ValidationReport validation(RunSide.Which which, boolean passed) {
        return new ValidationReport(run.runKey(), run.side(which).service(), List.of("txn_id"), passed, 2000, 1968, 1967, 30, 2, 1970, 1,
                0.0, Map.of("RANGE", 20L, "MISSING", 10L), passed ? List.of() : List.of("ingress said " + INJECTED), List.of("T-000042"),
                List.of("T-000007"), List.of(), new ValidationBudgets(0.02, 0.01), List.of(), 30L, List.of());
    }

    private void ranEveryPhase() throws IOException {
        String key = run.runKey();
        phase(Phase.PLAN, 0, 4);
        phase(Phase.INGRESS, 5, 65);
        phase(Phase.LAG_WAIT, 66, 120);
        phase(Phase.LAG_WAIT_CANDIDATE, 66, 130);
        phase(Phase.EGRESS, 121, 150);
        phase(Phase.EGRESS_CANDIDATE, 131, 158);
        phase(Phase.DIFF, 159, 180);
        ledger.startPhase(key, Phase.VALIDATE, 9L);
        ledger.failPhase(key, Phase.VALIDATE, PhaseCounts.NONE, "FAILED: " + INJECTED);
        times(Phase.VALIDATE, 181, 190);
        ledger.startPhase(key, Phase.VALIDATE_CANDIDATE, 10L);
        new JdbcTemplate(dataSource).update("UPDATE OFFSTREAM_PHASE SET STARTED_AT = ? WHERE RUN_KEY = ? AND PHASE = ?",
                Timestamp.from(START.plusSeconds(181)), key, Phase.VALIDATE_CANDIDATE.name());

        List<RunSample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s += 5) {
            Instant at = START.plusSeconds(5 + s);
            samples.add(new RunSample(Phase.INGRESS, RunSample.ROWS, at, Math.round(2000 * s / 60.0 + 80 * Math.sin(s / 7.0)), 2000L));
            samples.add(new RunSample(Phase.INGRESS, "partitions", at, s / 30, 2L));
            samples.add(new RunSample(Phase.INGRESS, RunSample.lag("offstream-risk"), at, s * 20L, null));
            samples.add(new RunSample(Phase.INGRESS, RunSample.lag("offstream-risk-candidate"), at, s * 25L, null));
        }
        ledger.recordSamples(key, Phase.INGRESS, samples);
        samples.clear();
        for (int s = 0; s <= 50; s += 5) {
            Instant at = START.plusSeconds(70 + s);
            samples.add(new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk"), at, Math.max(0, 1200 - s * 30L), null));
            samples.add(new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk-candidate"), at, Math.max(0, 1500 - s * 28L), null));
        }
        ledger.recordSamples(key, Phase.LAG_WAIT, samples);
        for (Phase egress : List.of(Phase.EGRESS, Phase.EGRESS_CANDIDATE)) {
            samples.clear();
            int from = egress == Phase.EGRESS ? 121 : 131;
            for (int s = 0; s <= 25; s += 5) {
                samples.add(new RunSample(egress, RunSample.ROWS, START.plusSeconds(from + s), s * (egress == Phase.EGRESS ? 75L : 70L), 1970L));
            }
            ledger.recordSamples(key, egress, samples);
        }

        for (LocalDate day : List.of(DAY_1, DAY_2)) {
            ledger.startPartition(key, Phase.INGRESS, day, 2L);
            ledger.completePartition(key, Phase.INGRESS, day, PhaseCounts.ingress(1000, 15, 985), "done");
            ledger.recordRejectCounts(key, day, Map.of("RANGE", 10L, "MISSING", 5L));
            quarantine(day, 15);
            land(layout(RunSide.Which.BASELINE).dayDirectory(day), day.equals(DAY_1) ? 985 : 983);
            land(layout(RunSide.Which.CANDIDATE).dayDirectory(day), 984);
        }
        deadLetter("java.net.SocketTimeoutException", "service", "Read timed out after 5000 ms");
        deadLetter("java.net.SocketTimeoutException", "service", "Read timed out after 5000 ms");
        deadLetter("org.apache.avro.AvroTypeException", "decode", "Expected long. Got " + INJECTED);
        diffSummary();
    }

    private void phase(Phase phase, int from, int to) {
        ledger.startPhase(run.runKey(), phase, 1L);
        ledger.completePhase(run.runKey(), phase, PhaseCounts.NONE, phase + " done");
        times(phase, from, to);
    }

    /** The ledger stamps phases with the clock; the fixture places them on the run's timeline. */
    private void times(Phase phase, int from, int to) {
        new JdbcTemplate(dataSource).update("UPDATE OFFSTREAM_PHASE SET STARTED_AT = ?, ENDED_AT = ? WHERE RUN_KEY = ? AND PHASE = ?",
                Timestamp.from(START.plusSeconds(from)), Timestamp.from(START.plusSeconds(to)), run.runKey(), phase.name());
    }

    void deadLetter(String error, String stage, String message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(RunHeaders.ERROR_CLASS, error.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(RunHeaders.ERROR_MESSAGE, message.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(RunHeaders.ERROR_STAGE, stage.getBytes(StandardCharsets.UTF_8)));
        deadLetters.add(headers);
    }

    /** Rejected rows as ingress quarantines them: the source columns as text, then the reason columns. */
    void quarantine(LocalDate day, int rows) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            GenericRecord row = new GenericData.Record(QUARANTINE);
            row.put("txn_id", "T-" + day + "-" + i);
            row.put("amount", "-1");
            row.put("reason_code", i % 3 == 0 ? "MISSING" : "RANGE");
            row.put("reason_field", i % 3 == 0 ? "seller_id" : i % 3 == 1 ? "amount" : "currency");
            row.put("reason_message", "bad value");
            row.put("source_file", "file:/w/a.parquet");
            row.put("source_row", (long) i);
            records.add(row);
        }
        write(Path.of(run.parameters().layout().quarantineDay(day)).resolve("part-00000-q.snappy.parquet"), records);
    }

    void land(java.net.URI day, int rows) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            GenericRecord row = new GenericData.Record(LANDED);
            row.put("txn_id", "T-" + i);
            records.add(row);
        }
        write(Path.of(day).resolve("part-0-0.snappy.parquet"), records);
    }

    private void diffSummary() throws IOException {
        Path summary = Path.of(run.parameters().layout().diffDirectory()).resolve("summary.json");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, """
                {"landingA": "file:/l/risk/run=k/", "landingB": "file:/l/risk-candidate/run=k/", "keyFields": ["txn_id"],
                 "identical": 1900, "changed": 64, "onlyA": 2, "onlyB": 1, "rowsA": 1966, "rowsB": 1965,
                 "fields": {"decision": 40, "risk_score": 64, "reasons": 12, "amount_usd_minor": 0},
                 "numeric": {"risk_score": {"keys": 1963, "min": -50, "avg": 3.25, "max": 120}},
                 "ignored": ["service_version"], "notCompared": {},
                 "sample": [{"key": {"txn_id": "T-000001"}, "fields": {"decision": {"a": "APPROVE", "b": "REVIEW"},
                             "risk_score": {"a": 280, "b": 310}}},
                            {"key": {"txn_id": "T-000002"}, "fields": {"reasons": {"a": ["velocity"], "b": null}}}]}
                """);
    }

    static void write(Path file, List<GenericRecord> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withSchema(rows.get(0).getSchema()).withDataModel(new GenericData()).build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }
}
