package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.CoercionFixture.accepted;
import static io.offstream.contract.coerce.CoercionFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.junit.jupiter.api.Test;

/** Dates, timestamps, times and decimals, as Avro's generic model holds them. */
class LogicalTypeCoercionTests {

    static final String DATE = "{\"type\": \"int\", \"logicalType\": \"date\"}";
    static final String MILLIS = "{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}";
    static final String MICROS = "{\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}";
    static final String DECIMAL_BYTES = "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}";
    static final String DECIMAL_FIXED = "{\"type\": \"fixed\", \"name\": \"Money\", \"size\": 8, \"logicalType\": \"decimal\", "
            + "\"precision\": 12, \"scale\": 2}";

    private static final Instant TEN = Instant.parse("2026-01-03T10:00:00.123456Z");

    @Test
    void datesAreDaysSinceTheEpochFromDatesTimestampsOrIsoText() {
        int day = (int) LocalDate.of(2026, 1, 3).toEpochDay();
        assertThat(accepted(DATE, LocalDate.of(2026, 1, 3))).isEqualTo(day);
        assertThat(accepted(DATE, java.sql.Date.valueOf("2026-01-03"))).isEqualTo(day);
        assertThat(accepted(DATE, " 2026-01-03 ")).isEqualTo(day);
        assertThat(accepted(DATE, Timestamp.from(Instant.parse("2026-01-03T23:59:59Z")))).isEqualTo(day);
        Rejection r = rejected(DATE, "03/01/2026");
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.message()).isEqualTo("v '03/01/2026' is not an ISO-8601 date (yyyy-MM-dd)");
    }

    @Test
    void timestampMillisComeFromTimestampsInstantsLocalDateTimesEpochMillisAndIsoText() {
        long millis = TEN.toEpochMilli();
        assertThat(accepted(MILLIS, Timestamp.from(TEN))).isEqualTo(millis);
        assertThat(accepted(MILLIS, TEN)).isEqualTo(millis);
        assertThat(accepted(MILLIS, LocalDateTime.parse("2026-01-03T10:00:00.123456"))).isEqualTo(millis);
        assertThat(accepted(MILLIS, millis)).isEqualTo(millis);
        assertThat(accepted(MILLIS, Long.toString(millis))).isEqualTo(millis);
        assertThat(accepted(MILLIS, "2026-01-03T11:00:00.123+01:00")).isEqualTo(millis);
        assertThat(accepted(MILLIS, "2026-01-03 10:00:00.123")).isEqualTo(millis);
        assertThat(rejected(MILLIS, "yesterday").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(rejected(MILLIS, true).reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void timestampMicrosKeepMicroseconds() {
        long micros = TEN.getEpochSecond() * 1_000_000 + 123_456;
        assertThat(accepted(MICROS, Timestamp.from(TEN))).isEqualTo(micros);
        assertThat(accepted(MICROS, TEN)).isEqualTo(micros);
        assertThat(accepted(MICROS, LocalDateTime.parse("2026-01-03T10:00:00.123456"))).isEqualTo(micros);
        assertThat(accepted(MICROS, "2026-01-03T10:00:00.123456Z")).isEqualTo(micros);
        assertThat(accepted(MICROS, micros)).isEqualTo(micros);
        assertThat(accepted(MICROS, Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z")))).isEqualTo(-1L);
    }

    @Test
    void timesAreTimesOfDay() {
        assertThat(accepted("{\"type\": \"int\", \"logicalType\": \"time-millis\"}", "10:00:01")).isEqualTo(36_001_000);
        assertThat(accepted("{\"type\": \"long\", \"logicalType\": \"time-micros\"}", LocalTime.of(0, 0, 1))).isEqualTo(1_000_000L);
    }

    @Test
    void decimalsOnBytesHoldTheUnscaledValueAtTheSchemasScale() {
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, "12.5"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, 12))).isEqualTo(new BigDecimal("12.00"));
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, new BigDecimal("-0.05")))).isEqualTo(new BigDecimal("-0.05"));
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, 0.1d))).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void decimalsOnFixedHoldTheUnscaledValueAtTheSchemasScale() {
        Object value = accepted(DECIMAL_FIXED, "-1234567890.12");
        assertThat(value).isInstanceOf(GenericFixed.class);
        assertThat(decimalOf(DECIMAL_FIXED, value)).isEqualTo(new BigDecimal("-1234567890.12"));
    }

    @Test
    void moreFractionalDigitsThanTheScaleIsATypeMismatchUnlessTheyAreZeros() {
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, "12.3400"))).isEqualTo(new BigDecimal("12.34"));
        Rejection r = rejected(DECIMAL_BYTES, "12.345");
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.message()).isEqualTo("v '12.345' has more than the 2 fractional digit(s) of decimal(12,2)");
        assertThat(rejected(DECIMAL_FIXED, "1e-999999999").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void moreDigitsThanThePrecisionIsOutOfRange() {
        assertThat(decimalOf(DECIMAL_BYTES, accepted(DECIMAL_BYTES, "9999999999.99"))).isEqualTo(new BigDecimal("9999999999.99"));
        Rejection r = rejected(DECIMAL_BYTES, "10000000000");
        assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(r.message()).isEqualTo("v '10000000000' has more digits than decimal(12,2) holds");
        assertThat(rejected(DECIMAL_FIXED, "1e999999999").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    }

    @Test
    void aDecimalFromTextThatIsNoNumberIsATypeMismatch() {
        assertThat(rejected(DECIMAL_BYTES, "12,50").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    static BigDecimal decimalOf(String typeJson, Object datum) {
        Schema schema = new Schema.Parser().parse(typeJson);
        LogicalTypes.Decimal type = (LogicalTypes.Decimal) schema.getLogicalType();
        Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
        return datum instanceof GenericFixed fixed ? conversion.fromFixed(fixed, schema, type)
                : conversion.fromBytes(((ByteBuffer) datum).duplicate(), schema, type);
    }
}
