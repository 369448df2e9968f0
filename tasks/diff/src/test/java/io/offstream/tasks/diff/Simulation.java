package io.offstream.tasks.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.h2.jdbcx.JdbcDataSource;

import io.offstream.contract.jobs.EgressLandingSchema;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;

/**
 * A planned simulation of the test service {@code score} against {@code score-v2} (this module's
 * {@code src/test/resources/services}) in an H2 ledger, and its landings written the way the egress
 * job lands them (the landing schema, Parquet through Avro, in {@code dt=} folders).
 */
final class Simulation {

    static final LocalDate DAY = LocalDate.parse("2026-03-01");

    final RunLedger ledger;
    final RunParameters parameters;
    final LedgerRun run;
    final ServicesProperties services = new ServicesProperties();

    private Simulation(Path work, String candidate) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
        parameters = RunParameters.resolve(work.resolve("warehouse").toString(), DAY.toString(), DAY.plusDays(1).toString(), "score",
                null, work.resolve("landing").toString(), candidate);
        run = new LedgerRun(parameters, parameters.topics(), 1, Instant.now(), "PLANNED");
        ledger.createRunIfAbsent(run, List.of());
        services.setLocation(Path.of("src/test/resources/services").toAbsolutePath().toString());
    }

    /** A planned simulation of score against score-v2. */
    static Simulation planned(Path work) {
        return new Simulation(work, "score-v2");
    }

    /** A planned run of score alone. */
    static Simulation plainRun(Path work) {
        return new Simulation(work, null);
    }

    /** Records these phases as completed. */
    Simulation completed(Phase... phases) {
        for (Phase phase : phases) {
            ledger.startPhase(run.runKey(), phase, 1L);
            ledger.completePhase(run.runKey(), phase, PhaseCounts.NONE, "done");
        }
        return this;
    }

    /** A landed score row of a side's service. */
    GenericRecord score(RunSide.Which side, String txn, int score, String decision, List<String> reasons, String modelVersion) {
        GenericRecord row = new GenericData.Record(landingSchema(side));
        row.put("txn_id", txn);
        row.put("score", score);
        row.put("decision", decision);
        row.put("reasons", reasons);
        row.put("model_version", modelVersion);
        row.put("scored_at", Instant.now().toEpochMilli());
        return row;
    }

    /** Lands the rows of a side in the run's {@code dt=} folder of {@code day}, one file per call. */
    void land(RunSide.Which side, LocalDate day, List<GenericRecord> rows) throws IOException {
        Path file = Path.of(run.side(side).layout().dayDirectory(day)).resolve("part-" + UUID.randomUUID() + ".parquet");
        Files.createDirectories(file.getParent());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withSchema(landingSchema(side)).withDataModel(new GenericData()).build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }

    private Schema landingSchema(RunSide.Which side) {
        return EgressLandingSchema.of(services.load(run.side(side).service()));
    }
}
