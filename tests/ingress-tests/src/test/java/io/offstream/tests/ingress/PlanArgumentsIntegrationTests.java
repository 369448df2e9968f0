package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad run arguments, and a warehouse whose columns no longer fit the service from some day on, fail
 * plan with a clear message and a non-zero exit, before anything is created.
 */
class PlanArgumentsIntegrationTests extends IngressFixture {

    @BeforeAll
    void smallWarehouse() throws Exception {
        TaskRun sample = sampleWarehouse("sample", "--offstream.sample.days=2", "--offstream.sample.rows-per-day=100",
                "--offstream.sample.start-date=2026-05-01");
        assertThat(sample.exitCode()).as("%s", sample).isZero();
    }

    @Test
    void fromAfterToFailsPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("from-after-to", runArgs(dataset(), "2026-05-02", "2026-05-01", "risk"), "is after offstream.run.to");
    }

    @Test
    void anUnknownDatasetFailsPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("unknown-dataset", runArgs(work.resolve("nowhere"), "2026-05-01", "2026-05-02", "risk"),
                "Unknown dataset", "does not exist");
    }

    @Test
    void missingPartitionsFailPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("missing-partitions", runArgs(dataset(), "2026-05-01", "2026-05-04", "risk"),
                "has no partition for 2 day(s)", "[2026-05-03, 2026-05-04]");
    }

    @Test
    void aMalformedServiceAndDateFailPlanWithEveryProblemNamed() throws Exception {
        assertRejected("malformed", List.of("--offstream.run.dataset=" + dataset().toUri(), "--offstream.run.from=yesterday",
                "--offstream.run.to=2026-05-02", "--offstream.run.service=Risk Service"),
                "offstream.run.from 'yesterday' is not a date", "offstream.run.service 'Risk Service'");
    }

    @Test
    void aColumnRenamedFromSomeDayOnFailsPlanNamingTheColumnAndTheDay() throws Exception {
        Path warehouse = withSecondDayRewritten("renamed", field -> field.name().equals("amount_minor")
                ? new Schema.Field("amount", field.schema(), field.doc(), field.defaultVal()) : copy(field), (field, value) -> value);
        assertRejected("renamed-column", runArgs(warehouse, "2026-05-01", "2026-05-02", "risk"),
                "the dataset has no column 'amount_minor'", "dt=2026-05-02");
    }

    @Test
    void aColumnWhoseTypeChangedFromSomeDayOnToOneItCannotBecomeFailsPlan() throws Exception {
        Path warehouse = withSecondDayRewritten("retyped", field -> field.name().equals("amount_minor")
                ? new Schema.Field("amount_minor", Schema.create(Schema.Type.BOOLEAN)) : copy(field),
                (field, value) -> field.equals("amount_minor") ? Boolean.TRUE : value);
        assertRejected("retyped-column", runArgs(warehouse, "2026-05-01", "2026-05-02", "risk"),
                "column 'amount_minor' is BOOLEAN and cannot be coerced to request field 'amount_minor'", "dt=2026-05-02");
    }

    /**
     * A copy of the sample warehouse whose second day's rows are written again under a changed
     * schema, as a warehouse table whose column was renamed or retyped from that day on.
     */
    private Path withSecondDayRewritten(String name, UnaryOperator<Schema.Field> field, BiFunction<String, Object, Object> value)
            throws IOException {
        Path copy = work.resolve("warehouse-" + name);
        for (String day : List.of("dt=2026-05-01", "dt=2026-05-02")) {
            Path from = dataset().resolve(day);
            Path to = Files.createDirectories(copy.resolve(day));
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                    if (day.equals("dt=2026-05-01")) {
                        Files.copy(file, to.resolve(file.getFileName()));
                    } else {
                        rewrite(file, to.resolve(file.getFileName()), field, value);
                    }
                }
            }
        }
        return copy;
    }

    private static void rewrite(Path from, Path to, UnaryOperator<Schema.Field> field, BiFunction<String, Object, Object> value)
            throws IOException {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(from)).build()) {
            GenericRecord row = reader.read();
            Schema old = row.getSchema();
            Schema changed = Schema.createRecord(old.getName(), old.getDoc(), old.getNamespace(), false,
                    old.getFields().stream().map(field).toList());
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(to))
                    .withSchema(changed).build()) {
                while (row != null) {
                    GenericData.Record out = new GenericData.Record(changed);
                    for (int i = 0; i < old.getFields().size(); i++) {
                        out.put(i, value.apply(old.getFields().get(i).name(), row.get(i)));
                    }
                    writer.write(out);
                    row = reader.read();
                }
            }
        }
    }

    private static Schema.Field copy(Schema.Field field) {
        return new Schema.Field(field.name(), field.schema(), field.doc(), field.defaultVal());
    }

    private void assertRejected(String name, List<String> run, String... messages) throws Exception {
        Set<String> before = topics(); // the broker is shared: other classes' runs have topics on it
        TaskRun plan = plan(name, run);
        assertThat(plan.exitCode()).as("%s", plan).isNotZero();
        assertThat(plan.logText()).contains(messages).as("one line, no stack trace").doesNotContain("\tat ");
        assertThat(topics()).filteredOn(t -> t.startsWith("offstream.")).isSubsetOf(before);
        assertThat(query("SELECT COUNT(*) AS N FROM OFFSTREAM_RUN").get(0).get("N")).isEqualTo(0L);
    }
}
