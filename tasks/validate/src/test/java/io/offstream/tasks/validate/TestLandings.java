package io.offstream.tasks.validate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

import io.offstream.contract.jobs.EgressLandingSchema;
import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/**
 * What the tests read: the repository's {@code risk} entry and this module's {@code settlement}
 * (key: account_id long, line_no int, booked_on date), and Parquet written the way the egress job
 * lands it (its landing schema, Avro's raw generic values).
 */
final class TestLandings {

    static final URI REPOSITORY_CATALOGUE = directory("../../schemas/services");
    static final URI TEST_CATALOGUE = directory("src/test/resources/services");

    static final ServiceDefinition RISK = ServiceCatalogue.local(REPOSITORY_CATALOGUE).load("risk");
    static final ServiceDefinition SETTLEMENT = ServiceCatalogue.local(TEST_CATALOGUE).load("settlement");

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private TestLandings() {
    }

    /** A settlement request; its key text is {@code <account>|<line>|<day>}. */
    static GenericRecord request(long account, int line, LocalDate day) {
        Schema schema = SETTLEMENT.requestSchema();
        GenericRecord request = new GenericData.Record(schema);
        request.put("account_id", account);
        request.put("line_no", line);
        request.put("booked_on", (int) day.toEpochDay());
        request.put("amount", DECIMALS.toBytes(new BigDecimal("10.00"), schema.getField("amount").schema(),
                schema.getField("amount").schema().getLogicalType()));
        return request;
    }

    static String key(GenericRecord request) {
        return new RecordKeys(SETTLEMENT.descriptor().key()).keyOf(request);
    }

    /** The landed row of a request's settlement, as the egress job writes it. */
    static GenericRecord landedRow(long account, int line, LocalDate day) {
        Schema landing = EgressLandingSchema.of(SETTLEMENT);
        GenericRecord row = new GenericData.Record(landing);
        row.put("account_id", account);
        row.put("booked_on", (int) day.toEpochDay());
        row.put("line_no", line);
        row.put("status", new GenericData.EnumSymbol(landing.getField("status").schema(), "SETTLED"));
        Schema fee = landing.getField("fee").schema(); // a decimal lands on fixed
        row.put("fee", DECIMALS.toFixed(new BigDecimal("0.25"), fee, fee.getLogicalType()));
        return row;
    }

    /** A risk decision's landed row: the response itself. */
    static GenericRecord landedDecision(String txnId) {
        GenericRecord row = new GenericData.Record(EgressLandingSchema.of(RISK));
        row.put("txn_id", txnId);
        row.put("decision", "APPROVE");
        row.put("risk_score", 1);
        row.put("reasons", List.of());
        row.put("amount_usd_minor", 100L);
        row.put("seller_tier", "standard");
        row.put("service_version", "v1");
        row.put("event_time", 0L);
        return row;
    }

    static void write(Path file, List<GenericRecord> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withSchema(rows.get(0).getSchema()).withDataModel(new GenericData())
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }

    /** The day folder of a run's landing, as a local path. */
    static Path dayDirectory(RunLayout layout, LocalDate day) {
        return Path.of(layout.dayDirectory(day));
    }

    private static URI directory(String path) {
        return RunLayout.asDirectory(Path.of(path).toAbsolutePath().normalize().toUri());
    }
}
