package io.offstream.consumer.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.offstream.consumer.core.TestRecords;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class PlainJsonCodecTests {

    private static final Schema EVERYTHING = TestRecords.EVERYTHING;

    private static final String EVERYTHING_JSON = "{\"id\":42,\"count\":7,\"ok\":true,\"ratio\":0.5,\"score\":0.25,\"name\":\"Widget\","
            + "\"note\":null,\"price\":12.30,\"tax\":2.34,\"day\":\"2024-06-01\",\"at_millis\":\"2024-06-01T12:34:56.789Z\","
            + "\"at_micros\":\"2024-06-01T12:34:56.123456Z\",\"local_at\":\"2024-06-01T12:34:56.000001\",\"opens\":\"09:30:00.000\","
            + "\"channel\":\"APP\",\"digest\":\"AQID\",\"code\":\"QUJDRA==\",\"tags\":[\"a\",\"b\"],\"attributes\":{\"a\":2,\"z\":1},"
            + "\"shipping\":{\"country\":\"DE\",\"postal_code\":null},\"lines\":[{\"sku\":\"X-1\",\"weight\":0.500}],"
            + "\"trace\":\"123e4567-e89b-12d3-a456-426614174000\"}";

    private static final Instant AT_MICROS = TestRecords.AT_MICROS;

    private final PlainJsonCodec<GenericRecord> codec = PlainJsonCodec.of(EVERYTHING);

    @Test
    void writesEveryTypeInItsPlainJsonForm() {
        assertThat(text(codec.write(TestRecords.everything()))).isEqualTo(EVERYTHING_JSON);
    }

    @Test
    void writesRawAvroValuesExactlyLikeLogicalOnes() {
        assertThat(text(codec.write(everythingAsRawAvro()))).isEqualTo(EVERYTHING_JSON);
    }

    @Test
    void readsEveryTypeBackIntoAGenericRecordWithLogicalValues() {
        GenericRecord read = codec.read(bytes(EVERYTHING_JSON));
        assertThat(read.get("id")).isEqualTo(42L);
        assertThat(read.get("count")).isEqualTo(7);
        assertThat(read.get("ok")).isEqualTo(true);
        assertThat(read.get("ratio")).isEqualTo(0.5f);
        assertThat(read.get("score")).isEqualTo(0.25);
        assertThat(read.get("name")).hasToString("Widget");
        assertThat(read.get("note")).isNull();
        assertThat(read.get("price")).isEqualTo(new BigDecimal("12.30"));
        assertThat(read.get("tax")).isEqualTo(new BigDecimal("2.34"));
        assertThat(read.get("day")).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(read.get("at_millis")).isEqualTo(Instant.parse("2024-06-01T12:34:56.789Z"));
        assertThat(read.get("at_micros")).isEqualTo(AT_MICROS);
        assertThat(read.get("local_at")).isEqualTo(LocalDateTime.of(2024, 6, 1, 12, 34, 56, 1000));
        assertThat(read.get("opens")).isEqualTo(LocalTime.of(9, 30));
        assertThat(read.get("channel")).hasToString("APP");
        assertThat(read.get("digest")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(((GenericFixed) read.get("code")).bytes()).isEqualTo("ABCD".getBytes(StandardCharsets.US_ASCII));
        assertThat(read.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(read.get("attributes")).isEqualTo(Map.of("a", 2L, "z", 1L));
        assertThat(((GenericRecord) read.get("shipping")).get("country")).hasToString("DE");
        assertThat(((GenericRecord) ((List<?>) read.get("lines")).get(0)).get("weight")).isEqualTo(new BigDecimal("0.500"));
        assertThat(read.get("trace")).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(text(codec.write(read))).isEqualTo(EVERYTHING_JSON);
    }

    @Test
    void writesDecimalsWithExactlyTheSchemaScale() {
        GenericRecord record = TestRecords.everything();
        record.put("price", new BigDecimal("12.3"));
        record.put("tax", new BigDecimal("1234567890.05"));
        assertThat(text(codec.write(record))).contains("\"price\":12.30,\"tax\":1234567890.05,");
        record.put("price", new BigDecimal("0.0000001").setScale(7));
        assertThatThrownBy(() -> codec.write(record)).isInstanceOf(PlainJsonException.class).hasMessageContaining("price");
    }

    @Test
    void readsDecimalsExactlyAndRefusesWhatDoesNotFitTheScaleOrPrecision() {
        assertThat(codec.read(bytes(EVERYTHING_JSON.replace("\"price\":12.30", "\"price\":12.3"))).get("price"))
                .isEqualTo(new BigDecimal("12.30"));
        assertThat(codec.read(bytes(EVERYTHING_JSON.replace("\"price\":12.30", "\"price\":\"0.10\""))).get("price"))
                .isEqualTo(new BigDecimal("0.10"));
        assertThat(codec.read(bytes(EVERYTHING_JSON.replace("\"price\":12.30", "\"price\":9999999999.99"))).get("price"))
                .isEqualTo(new BigDecimal("9999999999.99"));
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"price\":12.30", "\"price\":12.305"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.price").hasMessageContaining("2 decimal places");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"price\":12.30", "\"price\":99999999999.99"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("at most 12 digits");
    }

    @Test
    void timestampsKeepTheirPrecisionAndTakeAnyOffset() {
        GenericRecord read = codec.read(bytes(EVERYTHING_JSON.replace("2024-06-01T12:34:56.123456Z", "2024-06-01T14:34:56.123456+02:00")));
        assertThat(read.get("at_micros")).isEqualTo(AT_MICROS);
        assertThat(codec.read(bytes(EVERYTHING_JSON.replace("12:34:56.789Z", "12:34:56.789000+00:00"))).get("at_millis"))
                .isEqualTo(Instant.parse("2024-06-01T12:34:56.789Z"));
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("12:34:56.789Z", "12:34:56.789001Z"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("at_millis").hasMessageContaining("more precise");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"2024-06-01T12:34:56.789Z\"", "1717245296789"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("at_millis");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("2024-06-01T12:34:56.123456Z", "2024-06-01 12:34"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void missingFieldsTakeTheirDefaultOrNullWhenNullableAndUnknownFieldsAreIgnored() {
        GenericRecord read = codec.read(bytes(EVERYTHING_JSON.replace("\"note\":null,", "").replace("\"channel\":\"APP\",", "")
                .replace(",\"postal_code\":null", "").replace("{\"id\":42,", "{\"id\":42,\"added_later\":{\"x\":[1]},")));
        assertThat(read.get("note")).isNull();
        assertThat(read.get("channel")).isNull();
        assertThat(((GenericRecord) read.get("shipping")).get("postal_code")).isNull();
    }

    @Test
    void namesTheFieldThatIsMissingOrDoesNotFit() {
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"name\":\"Widget\",", ""))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("'Everything.name' is missing");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"count\":7", "\"count\":7.5"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.count");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"count\":7", "\"count\":3000000000"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("int range");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"APP\"", "\"FAX\""))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.channel").hasMessageContaining("[WEB, APP, STORE]");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("QUJDRA==", "QUJD"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("exactly 4 bytes");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("AQID", "not base64!"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.digest");
        assertThatThrownBy(() -> codec.read(bytes(EVERYTHING_JSON.replace("\"X-1\"", "1"))))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.lines[].sku");
        assertThatThrownBy(() -> codec.read(bytes("not json"))).isInstanceOf(PlainJsonException.class);
    }

    @Test
    void writesNaNAndInfinitiesAsStringsAndReadsThemBack() {
        GenericRecord record = TestRecords.everything();
        record.put("score", Double.NaN);
        record.put("ratio", Float.NEGATIVE_INFINITY);
        String json = text(codec.write(record));
        assertThat(json).contains("\"ratio\":\"-Infinity\",\"score\":\"NaN\"");
        assertThat(codec.read(bytes(json)).get("score")).isEqualTo(Double.NaN);
        assertThat(codec.read(bytes(json)).get("ratio")).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void durationAndUnionsOfSeveralTypesHaveNoPlainJsonForm() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Odd", "fields": [
                  {"name": "length", "type": {"type": "fixed", "name": "Length", "size": 12, "logicalType": "duration"}},
                  {"name": "either", "type": ["null", "string", "long"]}]}""");
        GenericRecord odd = new GenericData.Record(schema);
        odd.put("length", new GenericData.Fixed(schema.getField("length").schema(), new byte[12]));
        assertThatThrownBy(() -> PlainJsonWriter.write(odd)).isInstanceOf(PlainJsonException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> PlainJsonCodec.of(schema).read(bytes("{\"length\":\"AAAAAAAAAAAAAAAA\",\"either\":\"x\"}")))
                .isInstanceOf(PlainJsonException.class);
    }

    @Test
    void generatedClassesRoundTripWithTimesAsIsoStrings() {
        PlainJsonCodec<Transaction> transactions = PlainJsonCodec.of(Transaction.class);
        Transaction t = Transaction.newBuilder().setTxnId("t1").setBuyerId("b").setSellerId("s").setAmountMinor(1234)
                .setCurrency("EUR").setEventTime(Instant.ofEpochMilli(1700000000123L)).setItemCategory("books")
                .setItemTitle(null).setPaymentMethod("card").setBuyerCountry("DE").setShippingCountry("FR").build();
        String json = text(transactions.write(t));
        assertThat(json).isEqualTo("{\"txn_id\":\"t1\",\"buyer_id\":\"b\",\"seller_id\":\"s\",\"amount_minor\":1234,"
                + "\"currency\":\"EUR\",\"event_time\":\"2023-11-14T22:13:20.123Z\",\"item_category\":\"books\",\"item_title\":null,"
                + "\"payment_method\":\"card\",\"buyer_country\":\"DE\",\"shipping_country\":\"FR\"}");
        assertThat(transactions.read(bytes(json))).isEqualTo(t);
        PlainJsonCodec<RiskDecision> decisions = PlainJsonCodec.of(RiskDecision.class);
        RiskDecision d = RiskDecision.newBuilder().setTxnId("t1").setDecision("REVIEW").setRiskScore(420)
                .setReasons(List.of("A", "B")).setAmountUsdMinor(99).setSellerTier("new").setServiceVersion("v")
                .setEventTime(Instant.ofEpochMilli(5)).build();
        assertThat(decisions.read(decisions.write(d))).isEqualTo(d);
    }

    /** The same record as Avro's plain generic model holds it after decoding: raw longs, ints and byte buffers, Utf8 strings. */
    private static GenericRecord everythingAsRawAvro() {
        Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
        GenericRecord r = TestRecords.everything();
        r.put("name", new Utf8("Widget"));
        r.put("price", decimals.toBytes(new BigDecimal("12.30"), field("price"), logical("price")));
        r.put("tax", decimals.toFixed(new BigDecimal("2.34"), field("tax"), logical("tax")));
        r.put("day", (int) LocalDate.of(2024, 6, 1).toEpochDay());
        r.put("at_millis", Instant.parse("2024-06-01T12:34:56.789Z").toEpochMilli());
        r.put("at_micros", ChronoUnit.MICROS.between(Instant.EPOCH, AT_MICROS));
        r.put("local_at", ChronoUnit.MICROS.between(Instant.EPOCH, LocalDateTime.of(2024, 6, 1, 12, 34, 56, 1000).toInstant(ZoneOffset.UTC)));
        r.put("opens", (int) (LocalTime.of(9, 30).toNanoOfDay() / 1_000_000));
        r.put("tags", new GenericData.Array<>(field("tags"), List.of(new Utf8("a"), new Utf8("b"))));
        GenericData.Record line = new GenericData.Record(field("lines").getElementType());
        line.put("sku", new Utf8("X-1"));
        Schema weight = line.getSchema().getField("weight").schema();
        line.put("weight", decimals.toBytes(new BigDecimal("0.500"), weight, weight.getLogicalType()));
        r.put("lines", List.of(line));
        r.put("trace", new Utf8("123e4567-e89b-12d3-a456-426614174000"));
        return r;
    }

    private static Schema field(String name) {
        return EVERYTHING.getField(name).schema();
    }

    private static LogicalType logical(String name) {
        return field(name).getLogicalType();
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
