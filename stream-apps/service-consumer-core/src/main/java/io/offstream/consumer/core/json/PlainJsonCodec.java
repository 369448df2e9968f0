package io.offstream.consumer.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record's plain JSON, as the real-time endpoints speak it: one object with the schema's field
 * names in schema order, optional fields as the value or {@code null}, arrays as arrays and
 * {@code timestamp-millis} as epoch milliseconds. Not Avro's JSON encoding (no union wrappers).
 * Writing is deterministic, so two equal records give the same bytes.
 *
 * <p>Supports the types Offstream's records use: string, int, long, boolean, float, double,
 * arrays of those, nested records and unions of null with one other type.
 */
public final class PlainJsonCodec<T extends SpecificRecord> {

    private static final JsonFactory JSON = new JsonFactory();

    private final Class<T> type;

    private final Schema schema;

    private final SpecificData data;

    private PlainJsonCodec(Class<T> type) {
        this.type = type;
        this.data = new SpecificData(type.getClassLoader());
        this.schema = data.getSchema(type);
    }

    public static <T extends SpecificRecord> PlainJsonCodec<T> of(Class<T> type) {
        return new PlainJsonCodec<>(type);
    }

    public byte[] write(T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeRecord(generator, schema, record);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public T read(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PlainJsonException("expected a JSON object for " + schema.getName());
            }
            @SuppressWarnings("unchecked")
            T record = (T) readRecord(parser, schema);
            return record;
        }
        catch (IOException e) {
            throw new PlainJsonException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void writeRecord(JsonGenerator generator, Schema schema, SpecificRecord record) throws IOException {
        generator.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
            generator.writeFieldName(field.name());
            writeValue(generator, field.schema(), record.get(field.pos()), field.name());
        }
        generator.writeEndObject();
    }

    private static void writeValue(JsonGenerator generator, Schema schema, Object value, String where) throws IOException {
        switch (schema.getType()) {
            case NULL -> generator.writeNull();
            case UNION -> {
                if (value == null) {
                    generator.writeNull();
                }
                else {
                    writeValue(generator, nonNullBranch(schema, where), value, where);
                }
            }
            case STRING -> generator.writeString(value.toString());
            case INT -> generator.writeNumber(((Number) value).intValue());
            case LONG -> {
                if (value instanceof Instant instant) {
                    generator.writeNumber(instant.toEpochMilli());
                }
                else {
                    generator.writeNumber(((Number) value).longValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case FLOAT -> generator.writeNumber(((Number) value).floatValue());
            case DOUBLE -> generator.writeNumber(((Number) value).doubleValue());
            case ARRAY -> {
                generator.writeStartArray();
                for (Object item : (List<?>) value) {
                    writeValue(generator, schema.getElementType(), item, where);
                }
                generator.writeEndArray();
            }
            case RECORD -> writeRecord(generator, schema, (SpecificRecord) value);
            default -> throw new PlainJsonException("field '" + where + "': type " + schema.getType() + " has no plain JSON form");
        }
    }

    private Object readRecord(JsonParser parser, Schema schema) throws IOException {
        SpecificRecord record = (SpecificRecord) data.newRecord(null, schema);
        boolean[] seen = new boolean[schema.getFields().size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Schema.Field field = schema.getField(name);
            if (field == null) {
                parser.skipChildren(); // unknown fields are ignored, as a newer writer may add some
                continue;
            }
            record.put(field.pos(), readValue(parser, field.schema(), name));
            seen[field.pos()] = true;
        }
        for (Schema.Field field : schema.getFields()) {
            if (!seen[field.pos()]) {
                if (!field.hasDefaultValue()) {
                    throw new PlainJsonException("field '" + field.name() + "' of " + schema.getName() + " is missing");
                }
                record.put(field.pos(), data.deepCopy(field.schema(), data.getDefaultValue(field)));
            }
        }
        return record;
    }

    private Object readValue(JsonParser parser, Schema schema, String where) throws IOException {
        JsonToken token = parser.currentToken();
        switch (schema.getType()) {
            case NULL:
                expect(token == JsonToken.VALUE_NULL, where, "null");
                return null;
            case UNION:
                return token == JsonToken.VALUE_NULL ? null : readValue(parser, nonNullBranch(schema, where), where);
            case STRING:
                expect(token == JsonToken.VALUE_STRING, where, "a string");
                return parser.getText();
            case INT:
                expect(token == JsonToken.VALUE_NUMBER_INT, where, "an integer");
                return parser.getIntValue();
            case LONG:
                expect(token == JsonToken.VALUE_NUMBER_INT, where, "an integer");
                long value = parser.getLongValue();
                return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Instant.ofEpochMilli(value) : value;
            case BOOLEAN:
                expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, where, "a boolean");
                return parser.getBooleanValue();
            case FLOAT:
                expect(token.isNumeric(), where, "a number");
                return parser.getFloatValue();
            case DOUBLE:
                expect(token.isNumeric(), where, "a number");
                return parser.getDoubleValue();
            case ARRAY:
                expect(token == JsonToken.START_ARRAY, where, "an array");
                List<Object> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, schema.getElementType(), where));
                }
                return items;
            case RECORD:
                expect(token == JsonToken.START_OBJECT, where, "an object");
                return readRecord(parser, schema);
            default:
                throw new PlainJsonException("field '" + where + "': type " + schema.getType() + " has no plain JSON form");
        }
    }

    private static Schema nonNullBranch(Schema union, String where) {
        List<Schema> branches = union.getTypes();
        if (branches.size() != 2) {
            throw new PlainJsonException("field '" + where + "': only unions of null and one type have a plain JSON form");
        }
        return branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
    }

    private static void expect(boolean ok, String where, String what) {
        if (!ok) {
            throw new PlainJsonException("field '" + where + "' must be " + what);
        }
    }

    public Class<T> type() {
        return type;
    }
}
