package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.codec.GenericRecordCodec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote service's results written by the landing's Parquet writer (no Kafka, no cluster): the
 * file's Parquet types carry the logical types Spark SQL reads as decimals, timestamps, dates and
 * strings, and the values read back typed are the ones the service returned.
 */
class LandingParquetTests {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    @TempDir
    static Path directory;

    static Path file;

    @BeforeAll
    static void writeOnePartFile() throws Exception {
        file = directory.resolve("dt=2026-03-01").resolve("part-0.snappy.parquet");
        Files.createDirectories(file.getParent());
        GenericRecordCodec codec = new GenericRecordCodec(QuoteResults.SERVICE.schemaStore());
        LandingParquet factory = new LandingParquet(ServiceSchemas.of(QuoteResults.SERVICE));
        try (FSDataOutputStream out = FileSystem.getLocalFileSystem()
                .create(new org.apache.flink.core.fs.Path(file.toUri()), FileSystem.WriteMode.NO_OVERWRITE)) {
            BulkWriter<EgressRecord> writer = factory.create(out);
            long offset = 0;
            for (EgressResult result : List.of(QuoteResults.quote(1001, 1, DAY, 2), QuoteResults.quote(1002, 2, DAY, 1),
                    QuoteResults.quote(1003, 1, DAY, 2))) {
                writer.addElement(new EgressRecord(result.key(), DAY.toString(), 0, offset++, codec.encode(result.value())));
            }
            writer.finish();
        }
    }

    @Test
    void theKeyFieldsAreColumnsOfTheirRequestTypes() throws Exception {
        MessageType schema = LandedParquet.parquetSchema(file);

        assertThat(primitive(schema, "order_id").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(primitive(schema, "line_no").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("order_id").getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
        assertThat(schema.getFields().get(0).getName()).isEqualTo("order_id");
    }

    @Test
    void decimalsTimestampsDatesAndEnumsKeepTheirLogicalTypes() throws Exception {
        MessageType schema = LandedParquet.parquetSchema(file);

        // a bytes decimal lands on the least fixed that holds it: Spark 4.0 cannot read BINARY decimals of precision <= 18
        assertThat(primitive(schema, "unit_price").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(primitive(schema, "unit_price").getTypeLength()).isEqualTo(6);
        assertThat(primitive(schema, "unit_price").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 12));
        assertThat(primitive(schema, "total").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(primitive(schema, "total").getTypeLength()).isEqualTo(8);
        assertThat(primitive(schema, "total").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 18));
        assertThat(primitive(schema, "priced_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
        assertThat(primitive(schema, "valid_until").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
        assertThat(primitive(schema, "tier").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.enumType());
        assertThat(schema.getType("channel").getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
        assertThat(primitive(schema, "currency").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        GroupType breakdown = schema.getType("breakdown").asGroupType();
        assertThat(breakdown.getType("computed_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS));
        assertThat(breakdown.getType("base").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 12));
    }

    @Test
    void arraysAreStandardParquetListsAndNestedRecordsAreGroups() throws Exception {
        MessageType schema = LandedParquet.parquetSchema(file);

        GroupType discounts = schema.getType("discounts").asGroupType();
        assertThat(discounts.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
        GroupType element = discounts.getType("list").asGroupType().getType("element").asGroupType();
        assertThat(element.getType("amount").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 12));
        GroupType tags = schema.getType("tags").asGroupType();
        assertThat(tags.getType("list").asGroupType().getType("element").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
    }

    @Test
    void theValuesReadBackTypedAreTheServicesOwn() throws Exception {
        Map<Long, GenericRecord> byOrder = LandedParquet.readTyped(directory).stream().map(LandedParquet.Row::record)
                .collect(Collectors.toMap(row -> (Long) row.get("order_id"), Function.identity()));

        assertThat(byOrder).containsOnlyKeys(1001L, 1002L, 1003L);
        GenericRecord quote = byOrder.get(1002L);
        assertThat(quote.get("line_no")).isEqualTo(2);
        assertThat(quote.get("unit_price")).isEqualTo(QuoteResults.unitPrice(1002, 2));
        assertThat(quote.get("total")).isEqualTo(QuoteResults.total(1002, 2));
        assertThat(quote.get("priced_at")).isEqualTo(QuoteResults.pricedAt(1002));
        assertThat(quote.get("valid_until")).isEqualTo(DAY.plusDays(30));
        assertThat(quote.get("tags").toString()).isEqualTo("[line-2, order-1002]");
        assertThat(quote.get("discounts")).asList().isEmpty();
        assertThat(quote.get("tier")).hasToString(QuoteResults.tier(1002));
        assertThat(quote.get("channel")).as("order 1002 has no channel").isNull();
        assertThat(quote.get("currency")).as("written with v1, landed as v2").hasToString("EUR");
        GenericRecord breakdown = (GenericRecord) quote.get("breakdown");
        assertThat(breakdown.get("base")).isEqualTo(QuoteResults.unitPrice(1002, 2));
        assertThat(breakdown.get("computed_at")).isEqualTo(QuoteResults.pricedAt(1002).truncatedTo(ChronoUnit.MILLIS));

        GenericRecord discounted = byOrder.get(1001L);
        GenericRecord discount = (GenericRecord) ((List<?>) discounted.get("discounts")).get(0);
        assertThat(discount.get("code")).hasToString("LOYALTY");
        assertThat(discount.get("amount")).isEqualTo(new BigDecimal("1.50"));
        assertThat(discounted.get("currency")).hasToString("CHF");
        assertThat(byOrder.get(1003L).get("channel")).hasToString("APP");
    }

    private static PrimitiveType primitive(MessageType schema, String field) {
        return schema.getType(field).asPrimitiveType();
    }
}
