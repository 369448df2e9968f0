package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SampleWarehouseWriterTests {

    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    @Test
    void writesOrdersAsPartitionedParquetInWarehouseTypes() throws IOException {
        Path dataset = write(SampleDataset.ORDERS, 2, 400, 2);
        assertThat(dataset.resolve("dt=2026-03-01/part-00000.parquet")).exists();
        assertThat(dataset.resolve("dt=2026-03-02/part-00001.parquet")).exists();

        MessageType schema = footer(dataset.resolve("dt=2026-03-01/part-00000.parquet"));
        assertThat(schema.getType("order_id").asPrimitiveType().getPrimitiveTypeName().name()).isEqualTo("INT64");
        assertThat(schema.getType("line_number").asPrimitiveType().getPrimitiveTypeName().name()).isEqualTo("INT32");
        assertThat(schema.getType("unit_price").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.decimalType(2, 12));
        // not BINARY: Spark 4.0's vectorized reader fails on BINARY decimals of precision <= 18
        assertThat(schema.getType("unit_price").asPrimitiveType().getPrimitiveTypeName().name()).isEqualTo("FIXED_LEN_BYTE_ARRAY");
        assertThat(schema.getType("created_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
        assertThat(schema.getType("tags").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
        // the standard 3-level list: tags (LIST) / repeated list / element
        assertThat(schema.getType("tags").asGroupType().getType("list").asGroupType().getFieldName(0)).isEqualTo("element");
        assertThat(schema.getType("shipping").asGroupType().getFields()).extracting(org.apache.parquet.schema.Type::getName)
                .containsExactly("country", "postal_code");
    }

    @Test
    void writesTheRowsTheDayGeneratesInOrderOverItsFiles() throws IOException {
        Path dataset = write(SampleDataset.ORDERS, 1, 400, 2);
        List<GenericRecord> read = new ArrayList<>(read(dataset.resolve("dt=2026-03-01/part-00000.parquet")));
        read.addAll(read(dataset.resolve("dt=2026-03-01/part-00001.parquet")));
        List<GenericRecord> generated = OrdersDay.generate(42, START, 400, 0.08).rows();
        assertThat(read).hasSize(400);
        assertThat(read.toString()).isEqualTo(generated.toString());
        assertThat(read.get(0).get("unit_price")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void writesTheExpectationsOfOrdersWithTheReasonAndFieldOfEachKind() throws IOException {
        Path dataset = write(SampleDataset.ORDERS, 2, 800, 1);
        JsonNode summary = new ObjectMapper().readTree(dataset.resolve("_expected/summary.json").toFile());
        assertThat(summary.get("rows").asInt()).isEqualTo(1_600);
        assertThat(summary.get("days")).hasSize(2);
        JsonNode first = summary.get("days").get(0);
        assertThat(first.get("accepted").asInt()).isEqualTo(800 - 64);
        for (OrdersBadRowKind kind : OrdersBadRowKind.values()) {
            assertThat(first.get("bad").get(kind.name()).asInt()).as(kind.name()).isEqualTo(8);
            assertThat(summary.get("badKinds").get(kind.name()).get("reason").asText()).isEqualTo(kind.reason().name());
        }
        assertThat(summary.get("badKinds").get("DUPLICATE_KEY").get("fields").toString()).isEqualTo("[\"order_id\",\"line_no\"]");
        List<String> keys = Files.readAllLines(dataset.resolve("_expected/accepted-keys.txt"), StandardCharsets.UTF_8);
        assertThat(keys).hasSize(2 * (800 - 64)).doesNotHaveDuplicates().allMatch(k -> k.matches("\\d+\\|\\d+"));
    }

    @Test
    void transactionsStayTheDefaultAndTheirSummaryNamesEachKindsReason() throws IOException {
        SampleProperties options = new SampleProperties();
        assertThat(options.getDataset()).isEqualTo(SampleDataset.TRANSACTIONS);
        Path dataset = write(SampleDataset.TRANSACTIONS, 1, 900, 1);
        JsonNode summary = new ObjectMapper().readTree(dataset.resolve("_expected/summary.json").toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("dataset", "seed", "rows", "badKinds", "days");
        for (BadRowKind kind : BadRowKind.values()) {
            assertThat(summary.get("badKinds").get(kind.name()).get("reason").asText()).isEqualTo(kind.reason().name());
        }
        assertThat(read(dataset.resolve("dt=2026-03-01/part-00000.parquet")).toString())
                .isEqualTo(SampleDay.generate(42, START, 900, 0.09).rows().toString());
    }

    private Path write(SampleDataset kind, int days, int rows, int files) throws IOException {
        Path dataset = dir.resolve(kind.folderName());
        SampleProperties options = new SampleProperties();
        options.setDataset(kind);
        options.setDays(days);
        options.setRowsPerDay(rows);
        options.setStartDate(START);
        options.setBadRowFraction(kind == SampleDataset.ORDERS ? 0.08 : 0.09);
        options.setFilesPerDay(files);
        options.setWriteExpectations(true);
        new SampleWarehouseWriter(new Configuration()).write(dataset.toUri(), options);
        return dataset;
    }

    private static MessageType footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(input(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    private static List<GenericRecord> read(Path file) throws IOException {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(input(file)).withDataModel(model).build()) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static InputFile input(Path file) throws IOException {
        return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
    }
}
