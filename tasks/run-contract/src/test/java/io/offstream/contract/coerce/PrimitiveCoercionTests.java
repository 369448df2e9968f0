package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.CoercionFixture.accepted;
import static io.offstream.contract.coerce.CoercionFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/** Plain Java values to every Avro primitive, enums and fixed. */
class PrimitiveCoercionTests {

    @Test
    void textIsTrimmedAndOtherScalarsBecomeTheirText() {
        assertThat(accepted("\"string\"", "  books \n")).isEqualTo("books");
        assertThat(accepted("\"string\"", 42L)).isEqualTo("42");
        assertThat(accepted("\"string\"", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(accepted("\"string\"", true)).isEqualTo("true");
        assertThat(accepted("\"string\"", Timestamp.from(Instant.parse("2026-01-03T10:00:00Z")))).isEqualTo("2026-01-03T10:00:00Z");
    }

    @Test
    void aListForAStringIsATypeMismatch() {
        Rejection r = rejected("\"string\"", List.of("a"));
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.field()).isEqualTo("v");
        assertThat(r.message()).contains("v '[\"a\"]'");
    }

    @Test
    void booleansComeFromBooleansOrTrueFalseText() {
        assertThat(accepted("\"boolean\"", Boolean.TRUE)).isEqualTo(true);
        assertThat(accepted("\"boolean\"", " FALSE ")).isEqualTo(false);
        assertThat(rejected("\"boolean\"", "yes").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(rejected("\"boolean\"", 1).reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void intsComeFromWholeNumbersOfAnyTypeOrText() {
        assertThat(accepted("\"int\"", (short) 7)).isEqualTo(7);
        assertThat(accepted("\"int\"", (byte) -7)).isEqualTo(-7);
        assertThat(accepted("\"int\"", 12L)).isEqualTo(12);
        assertThat(accepted("\"int\"", " 1250 ")).isEqualTo(1250);
        assertThat(accepted("\"int\"", new BigDecimal("12.00"))).isEqualTo(12);
        assertThat(accepted("\"int\"", 3.0d)).isEqualTo(3);
    }

    @Test
    void anIntThatDoesNotFitIsOutOfRangeAndAFractionIsATypeMismatch() {
        assertThat(rejected("\"int\"", 3_000_000_000L).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected("\"int\"", "1e999999999").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected("\"int\"", "12.5").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(rejected("\"int\"", Double.NaN).reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void longsComeFromNumbersAndNumericText() {
        assertThat(accepted("\"long\"", 5)).isEqualTo(5L);
        assertThat(accepted("\"long\"", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(rejected("\"long\"", "9223372036854775808").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        Rejection r = rejected("\"long\"", "12.5O");
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.message()).isEqualTo("v '12.5O' is not a number (long)");
    }

    @Test
    void floatsAndDoublesComeFromAnyNumberOrText() {
        assertThat(accepted("\"double\"", 1.5f)).isEqualTo(1.5d);
        assertThat(accepted("\"double\"", new BigDecimal("0.1"))).isEqualTo(0.1d);
        assertThat(accepted("\"double\"", "NaN")).isEqualTo(Double.NaN);
        assertThat(accepted("\"float\"", "2.25")).isEqualTo(2.25f);
        assertThat(accepted("\"float\"", 7L)).isEqualTo(7f);
        assertThat(rejected("\"float\"", 1e300).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected("\"double\"", "1e400").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected("\"double\"", "one").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void bytesComeFromByteArraysOrBase64Text() {
        byte[] data = "hi".getBytes(StandardCharsets.UTF_8);
        assertThat(accepted("\"bytes\"", data)).isEqualTo(ByteBuffer.wrap(data));
        assertThat(accepted("\"bytes\"", Base64.getEncoder().encodeToString(data))).isEqualTo(ByteBuffer.wrap(data));
        assertThat(rejected("\"bytes\"", "not base64!").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(rejected("\"bytes\"", 5).reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void fixedNeedsExactlyItsSize() {
        String fixed = "{\"type\": \"fixed\", \"name\": \"Four\", \"size\": 4}";
        Object value = accepted(fixed, new byte[] {1, 2, 3, 4});
        assertThat(value).isInstanceOf(GenericData.Fixed.class);
        assertThat(((GenericData.Fixed) value).bytes()).containsExactly(1, 2, 3, 4);
        Rejection r = rejected(fixed, new byte[] {1, 2});
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.message()).contains("has 2 bytes, fixed Four holds exactly 4");
    }

    @Test
    void enumsTakeTheirSymbolAndAnUnknownSymbolIsNotInTheSet() {
        String colour = "{\"type\": \"enum\", \"name\": \"Colour\", \"symbols\": [\"RED\", \"GREEN\"]}";
        assertThat(accepted(colour, " GREEN ").toString()).isEqualTo("GREEN");
        assertThat(accepted(colour, " GREEN ")).isInstanceOf(GenericData.EnumSymbol.class);
        Rejection r = rejected(colour, "green");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_IN_SET);
        assertThat(r.message()).isEqualTo("v 'green' is not a symbol of enum Colour [RED, GREEN]");
    }

    @Test
    void aUuidStringMustBeAUuid() {
        String uuid = "{\"type\": \"string\", \"logicalType\": \"uuid\"}";
        assertThat(accepted(uuid, "123e4567-e89b-12d3-a456-426614174000")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(rejected(uuid, "123").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }
}
