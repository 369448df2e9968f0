package io.offstream.consumer.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes any Avro record as plain JSON (see {@link PlainJsonCodec} for the mapping), by the
 * record's own schema. Deterministic: equal records give equal bytes (map keys sorted).
 */
public final class PlainJsonWriter {

    /** Decimals as plain digits ({@code 0.0000001}, never {@code 1E-7}); NaN and infinities read back as Jackson writes them. */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PlainJsonWriter() {
    }

    /**
     * The record's plain JSON.
     *
     * @throws PlainJsonException if a value does not fit its field or has no plain JSON form
     */
    public static byte[] write(IndexedRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeRecord(generator, record.getSchema(), record, record.getSchema().getName());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRecord(JsonGenerator generator, Schema schema, IndexedRecord record, String path) throws IOException {
        generator.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
            generator.writeFieldName(field.name());
            String where = path + "." + field.name();
            Object value = record.get(field.pos());
            try {
                writeValue(generator, field.schema(), value, where);
            }
            catch (ClassCastException | ArithmeticException e) {
                throw new PlainJsonException("field '" + where + "' holds " + value + " (" + value.getClass().getName()
                        + "), which does not fit its type " + field.schema() + ": " + e.getMessage(), e);
            }
        }
        generator.writeEndObject();
    }

    private static void writeValue(JsonGenerator generator, Schema schema, Object value, String where) throws IOException {
        if (value == null) {
            if (schema.getType() != Schema.Type.NULL && !PlainJsonTypes.nullable(schema)) {
                throw new PlainJsonException("field '" + where + "' is null, but its type " + schema + " is not nullable");
            }
            generator.writeNull();
            return;
        }
        if (schema.getType() == Schema.Type.UNION) {
            writeValue(generator, PlainJsonTypes.nonNullBranch(schema, where), value, where);
            return;
        }
        LogicalType logical = PlainJsonTypes.logicalType(schema, where);
        if (logical != null) {
            writeLogical(generator, schema, logical, LogicalValues.logical(value, schema));
            return;
        }
        switch (schema.getType()) {
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case INT -> generator.writeNumber(((Integer) value).intValue());
            case LONG -> generator.writeNumber(((Long) value).longValue());
            case FLOAT -> generator.writeNumber(((Float) value).floatValue());
            case DOUBLE -> generator.writeNumber(((Double) value).doubleValue());
            case STRING, ENUM -> generator.writeString(value.toString());
            case BYTES -> generator.writeString(Base64.getEncoder().encodeToString(bytes(value)));
            case FIXED -> generator.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case ARRAY -> {
                generator.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    writeValue(generator, schema.getElementType(), item, where + "[]");
                }
                generator.writeEndArray();
            }
            case MAP -> {
                Map<String, Object> sorted = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> sorted.put(k.toString(), v));
                generator.writeStartObject();
                for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                    generator.writeFieldName(entry.getKey());
                    writeValue(generator, schema.getValueType(), entry.getValue(), where + "{}");
                }
                generator.writeEndObject();
            }
            case RECORD -> writeRecord(generator, schema, (IndexedRecord) value, where);
            default -> throw new PlainJsonException("field '" + where + "': type " + schema.getType() + " has no plain JSON form");
        }
    }

    private static void writeLogical(JsonGenerator generator, Schema schema, LogicalType logical, Object value) throws IOException {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            // the schema's scale, exactly: 12.3 in a decimal(12,2) is written 12.30; more places fail
            generator.writeNumber(((BigDecimal) value).setScale(decimal.getScale(), RoundingMode.UNNECESSARY));
        }
        else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        }
        else if (IsoTimes.handles(logical.getName())) {
            generator.writeString(IsoTimes.format(logical.getName(), value));
        }
        else {
            generator.writeString(value.toString()); // uuid
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }
}
