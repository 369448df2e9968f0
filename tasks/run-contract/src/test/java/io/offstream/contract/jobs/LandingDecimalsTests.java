package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class LandingDecimalsTests {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private static final Schema QUOTE = new Schema.Parser().parse("""
            {"type": "record", "name": "Quote", "namespace": "com.example", "fields": [
              {"name": "id", "type": "long"},
              {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 14, "scale": 2}},
              {"name": "tax", "type": {"type": "fixed", "name": "Tax", "size": 6, "logicalType": "decimal", "precision": 14, "scale": 2}},
              {"name": "refund", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 3}]},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 14, "scale": 2}}]}}},
              {"name": "fees", "type": {"type": "map", "values": {"type": "bytes", "logicalType": "decimal", "precision": 30, "scale": 4}}},
              {"name": "raw", "type": "bytes"}
            ]}""");

    @Test
    void aFixedHoldsTheDigitsOfItsPrecision() {
        assertThat(LandingDecimals.fixedSize(1)).isEqualTo(1);
        assertThat(LandingDecimals.fixedSize(2)).isEqualTo(1);
        assertThat(LandingDecimals.fixedSize(3)).isEqualTo(2);
        assertThat(LandingDecimals.fixedSize(9)).isEqualTo(4);
        assertThat(LandingDecimals.fixedSize(14)).isEqualTo(6);
        assertThat(LandingDecimals.fixedSize(18)).isEqualTo(8);
        assertThat(LandingDecimals.fixedSize(19)).isEqualTo(9);
        assertThat(LandingDecimals.fixedSize(38)).isEqualTo(16);
    }

    @Test
    void bytesDecimalsAtAnyDepthBecomeFixedAndEverythingElseStays() {
        Schema landing = LandingDecimals.of(QUOTE);

        Schema total = landing.getField("total").schema();
        assertThat(total.getType()).isEqualTo(Schema.Type.FIXED);
        assertThat(total.getFixedSize()).isEqualTo(6);
        assertThat(total.getFullName()).isEqualTo("io.offstream.landing.decimal_14_2");
        assertThat(total.getLogicalType()).isEqualTo(LogicalTypes.decimal(14, 2));
        assertThat(landing.getField("tax").schema()).isEqualTo(QUOTE.getField("tax").schema());
        assertThat(landing.getField("refund").schema().getTypes().get(1).getLogicalType()).isEqualTo(LogicalTypes.decimal(9, 3));
        assertThat(landing.getField("refund").schema().getTypes().get(1).getFixedSize()).isEqualTo(4);
        assertThat(landing.getField("lines").schema().getElementType().getField("amount").schema().getType()).isEqualTo(Schema.Type.FIXED);
        assertThat(landing.getField("fees").schema().getValueType().getFixedSize()).isEqualTo(13);
        assertThat(landing.getField("raw").schema().getType()).as("plain bytes are not a decimal").isEqualTo(Schema.Type.BYTES);
        assertThat(new Schema.Parser().parse(landing.toString())).as("a valid schema").isEqualTo(landing);
        Schema noDecimal = QUOTE.getField("raw").schema();
        assertThat(LandingDecimals.of(noDecimal)).isSameAs(noDecimal);
    }

    @Test
    void valuesKeepTheirNumberWhateverTheirSign() {
        Schema landing = LandingDecimals.of(QUOTE);
        GenericRecord quote = new GenericData.Record(QUOTE);
        quote.put("id", 7L);
        quote.put("total", bytes("-123.45", QUOTE.getField("total").schema()));
        quote.put("tax", new GenericData.Fixed(QUOTE.getField("tax").schema(), new byte[] {0, 0, 0, 0, 0, 5}));
        quote.put("refund", bytes("1.500", QUOTE.getField("refund").schema().getTypes().get(1)));
        GenericRecord line = new GenericData.Record(QUOTE.getField("lines").schema().getElementType());
        line.put("amount", bytes("999999999999.99", line.getSchema().getField("amount").schema()));
        quote.put("lines", List.of(line));
        quote.put("fees", Map.of("card", bytes("-0.0001", QUOTE.getField("fees").schema().getValueType())));
        quote.put("raw", ByteBuffer.wrap(new byte[] {1, 2}));

        GenericRecord landed = (GenericRecord) LandingDecimals.value(quote, QUOTE, landing);

        assertThat(decimal(landed.get("total"), landing.getField("total").schema())).isEqualTo(new BigDecimal("-123.45"));
        assertThat(landed.get("tax")).isSameAs(quote.get("tax"));
        assertThat(decimal(landed.get("refund"), landing.getField("refund").schema().getTypes().get(1))).isEqualTo(new BigDecimal("1.500"));
        GenericRecord landedLine = (GenericRecord) ((List<?>) landed.get("lines")).get(0);
        assertThat(decimal(landedLine.get("amount"), landedLine.getSchema().getField("amount").schema()))
                .isEqualTo(new BigDecimal("999999999999.99"));
        assertThat(decimal(((Map<?, ?>) landed.get("fees")).get("card"), landing.getField("fees").schema().getValueType()))
                .isEqualTo(new BigDecimal("-0.0001"));
        assertThat(landed.get("raw")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(GenericData.get().validate(landing, landed)).isTrue();
    }

    @Test
    void aNullableDecimalThatIsNullStaysNull() {
        Schema nullable = QUOTE.getField("refund").schema();

        assertThat(LandingDecimals.value(null, nullable, LandingDecimals.of(nullable))).isNull();
    }

    @Test
    void aDecimalWiderThanItsPrecisionIsRefused() {
        Schema total = QUOTE.getField("total").schema();
        ByteBuffer tooWide = ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0});

        assertThatThrownBy(() -> LandingDecimals.value(tooWide, total, LandingDecimals.of(total)))
                .hasMessage("a decimal of 7 bytes exceeds the precision 14 of its schema");
    }

    private static ByteBuffer bytes(String value, Schema schema) {
        return DECIMALS.toBytes(new BigDecimal(value), schema, schema.getLogicalType());
    }

    private static BigDecimal decimal(Object fixed, Schema schema) {
        return DECIMALS.fromFixed((GenericFixed) fixed, schema, schema.getLogicalType());
    }
}
