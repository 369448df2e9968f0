package io.offstream.tasks.ingress.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.coerce.RowCoercer;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/**
 * Verdicts in a real local Spark, for a key field read from a struct column ({@code columns:
 * {line_no: line.number}}): rows whose nested key repeats are duplicates, the request carries the
 * nested values, and a bad first occurrence of a key does not cost the good one after it.
 */
class NestedColumnVerdictsTests {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    private static SparkSession spark;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void localSpark() {
        spark = SparkSession.builder().master("local[1]").appName("nested-columns").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aKeyInAStructColumnFindsDuplicatesAndFillsTheRequest() throws Exception {
        ServiceDefinition service = catalogue().load("lines");
        Dataset<Row> verdicts = verdictsOf(service, "nested", List.of(
                RowFactory.create(1L, RowFactory.create(1, "AB-1")),
                RowFactory.create(1L, RowFactory.create(2, "AB-2")),
                RowFactory.create(1L, RowFactory.create(1, "AB-9")),
                RowFactory.create(2L, null)));

        Map<String, String> reasonByKey = verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(false))
                .select(VerdictColumns.REASON_CODE, VerdictColumns.REASON_FIELD).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
        assertThat(reasonByKey).containsOnly(Map.entry("DUPLICATE_KEY", "order_id,line_no"),
                Map.entry("NULL_REQUIRED_FIELD", "line_no"));
        List<String> accepted = verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(true)).select(VerdictColumns.KEY)
                .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
        assertThat(accepted).containsExactly("1|1", "1|2");
        Row first = verdicts.filter(col(VerdictColumns.KEY).equalTo("1|1")).select(VerdictColumns.VALUE).first();
        assertThat(ServiceSchemas.of(service.schemaHistory()).codec().decode((byte[]) first.get(0)).get("sku"))
                .hasToString("AB-1");
    }

    @Test
    void aBadFirstOccurrenceOfAKeyLeavesTheFirstGoodOneAcceptedAndLaterOnesDuplicates() throws Exception {
        ServiceDefinition service = catalogue().load("lines");
        Dataset<Row> verdicts = verdictsOf(service, "bad-first", List.of(
                RowFactory.create(7L, RowFactory.create(1, null)),
                RowFactory.create(7L, RowFactory.create(1, "GOOD")),
                RowFactory.create(7L, RowFactory.create(1, "LATER")),
                RowFactory.create(8L, RowFactory.create(1, "ONLY"))));

        Map<Long, String> reasonByRow = verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(false))
                .select(VerdictColumns.SOURCE_ROW, VerdictColumns.REASON_CODE).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(0), r -> r.getString(1)));
        assertThat(reasonByRow).containsOnly(Map.entry(0L, "NULL_REQUIRED_FIELD"), Map.entry(2L, "DUPLICATE_KEY"));
        List<Row> accepted = verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(true))
                .select(VerdictColumns.KEY, VerdictColumns.SOURCE_ROW, VerdictColumns.VALUE).collectAsList();
        assertThat(accepted).extracting(r -> r.getString(0) + "@" + r.getLong(1)).containsExactlyInAnyOrder("7|1@1", "8|1@3");
        Row good = accepted.stream().filter(r -> r.getString(0).equals("7|1")).findFirst().orElseThrow();
        assertThat(ServiceSchemas.of(service.schemaHistory()).codec().decode((byte[]) good.get(2)).get("sku")).hasToString("GOOD");
    }

    /** The verdicts of {@code (order_id, line: {number, sku})} rows written as one day's Parquet file, in this order. */
    private static Dataset<Row> verdictsOf(ServiceDefinition service, String folder, List<Row> rows) {
        StructType line = new StructType().add("number", DataTypes.IntegerType).add("sku", DataTypes.StringType);
        StructType schema = new StructType().add("order_id", DataTypes.LongType).add("line", line);
        String dataset = scratch.resolve(folder + "/dt=2026-05-01").toString();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dataset);
        return IngressSparkJob.verdicts(spark.read().parquet(dataset), RowCoercer.of(service),
                ServiceSchemas.of(service.schemaHistory()), DAY, 1024 * 1024);
    }

    private static ServiceCatalogue catalogue() throws Exception {
        Path entry = Files.createDirectories(scratch.resolve("catalogue/lines"));
        Files.writeString(entry.resolve("service.yaml"), """
                name: lines
                key: [order_id, line_no]
                columns: {line_no: line.number, sku: line.sku}
                invoke: {http: {url: "http://127.0.0.1:9/lines"}}
                """);
        Files.createDirectories(entry.resolve("request"));
        Files.createDirectories(entry.resolve("response"));
        Files.writeString(entry.resolve("request/v1.avsc"), """
                {"type": "record", "name": "LineRequest", "namespace": "t", "fields": [
                  {"name": "order_id", "type": "long"}, {"name": "line_no", "type": "int"}, {"name": "sku", "type": "string"}]}""");
        Files.writeString(entry.resolve("response/v1.avsc"), """
                {"type": "record", "name": "LineResponse", "namespace": "t", "fields": [{"name": "ok", "type": "boolean"}]}""");
        return ServiceCatalogue.local(scratch.resolve("catalogue").toUri());
    }
}
