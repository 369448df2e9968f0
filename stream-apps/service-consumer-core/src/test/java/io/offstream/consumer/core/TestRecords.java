package io.offstream.consumer.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Test records: {@code Everything} has every type with a plain JSON form (src/test/resources/schemas). */
public final class TestRecords {

    public static final Schema EVERYTHING = schema("/schemas/Everything.avsc");

    public static final Instant AT_MICROS = Instant.parse("2024-06-01T12:34:56.123456Z");

    private TestRecords() {
    }

    /** The test record with logical values, as a service would build it. */
    public static GenericRecord everything() {
        GenericData.Record r = new GenericData.Record(EVERYTHING);
        r.put("id", 42L);
        r.put("count", 7);
        r.put("ok", true);
        r.put("ratio", 0.5f);
        r.put("score", 0.25);
        r.put("name", "Widget");
        r.put("note", null);
        r.put("price", new BigDecimal("12.30"));
        r.put("tax", new BigDecimal("2.34"));
        r.put("day", LocalDate.of(2024, 6, 1));
        r.put("at_millis", Instant.parse("2024-06-01T12:34:56.789Z"));
        r.put("at_micros", AT_MICROS);
        r.put("local_at", LocalDateTime.of(2024, 6, 1, 12, 34, 56, 1000));
        r.put("opens", LocalTime.of(9, 30));
        r.put("channel", new GenericData.EnumSymbol(field("channel").getTypes().get(1), "APP"));
        r.put("digest", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        r.put("code", new GenericData.Fixed(field("code"), "ABCD".getBytes(StandardCharsets.US_ASCII)));
        r.put("tags", List.of("a", "b"));
        Map<String, Long> attributes = new LinkedHashMap<>();
        attributes.put("z", 1L);
        attributes.put("a", 2L);
        r.put("attributes", attributes);
        GenericData.Record address = new GenericData.Record(field("shipping"));
        address.put("country", "DE");
        r.put("shipping", address);
        GenericData.Record line = new GenericData.Record(field("lines").getElementType());
        line.put("sku", "X-1");
        line.put("weight", new BigDecimal("0.500"));
        r.put("lines", List.of(line));
        r.put("trace", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        return r;
    }

    public static Schema schema(String resource) {
        try (InputStream in = TestRecords.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static Schema field(String name) {
        return EVERYTHING.getField(name).schema();
    }
}
