package io.offstream.consumer.core.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Reads plain JSON (see {@link PlainJsonCodec} for the mapping) into records of one Avro model:
 * generic records with logical values, or generated classes. Every mismatch is a
 * {@link PlainJsonException} naming the field.
 */
final class PlainJsonReader {

    private final GenericData model;

    PlainJsonReader(GenericData model) {
        this.model = model;
    }

    IndexedRecord read(byte[] json, Schema schema) {
        try (JsonParser parser = PlainJsonWriter.JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PlainJsonException("expected a JSON object for " + schema.getName());
            }
            return readRecord(parser, schema, schema.getName());
        }
        catch (IOException e) {
            throw new PlainJsonException("not valid JSON for " + schema.getName() + ": " + e.getMessage(), e);
        }
    }

    private IndexedRecord readRecord(JsonParser parser, Schema schema, String path) throws IOException {
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        boolean[] seen = new boolean[schema.getFields().size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Schema.Field field = schema.getField(name);
            if (field == null) {
                parser.skipChildren(); // unknown fields are ignored, as a newer writer may add some
                continue;
            }
            record.put(field.pos(), readValue(parser, field.schema(), path + "." + name));
            seen[field.pos()] = true;
        }
        for (Schema.Field field : schema.getFields()) {
            if (!seen[field.pos()]) {
                record.put(field.pos(), absent(field, path));
            }
        }
        return record;
    }

    /** A field the JSON does not have: its default, else null where null is allowed. */
    private Object absent(Schema.Field field, String path) {
        if (field.hasDefaultValue()) {
            return model.deepCopy(field.schema(), model.getDefaultValue(field));
        }
        if (PlainJsonTypes.nullable(field.schema())) {
            return null;
        }
        throw new PlainJsonException("field '" + path + "." + field.name() + "' is missing");
    }

    private Object readValue(JsonParser parser, Schema schema, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (schema.getType() == Schema.Type.UNION) {
            return token == JsonToken.VALUE_NULL && PlainJsonTypes.nullable(schema) ? null
                    : readValue(parser, PlainJsonTypes.nonNullBranch(schema, where), where);
        }
        LogicalType logical = PlainJsonTypes.logicalType(schema, where);
        if (logical != null) {
            return LogicalValues.datum(readLogical(parser, schema, logical, where), schema, model);
        }
        switch (schema.getType()) {
            case NULL:
                expect(token == JsonToken.VALUE_NULL, where, "null");
                return null;
            case BOOLEAN:
                expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, where, "true or false");
                return parser.getBooleanValue();
            case INT:
                expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT, where,
                        "an integer within int range");
                return parser.getIntValue();
            case LONG:
                expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER, where,
                        "an integer within long range");
                return parser.getLongValue();
            case FLOAT:
                return (float) readFloating(parser, where);
            case DOUBLE:
                return readFloating(parser, where);
            case STRING:
                expect(token == JsonToken.VALUE_STRING, where, "a string");
                return parser.getText();
            case ENUM:
                expect(token == JsonToken.VALUE_STRING && schema.hasEnumSymbol(parser.getText()), where,
                        "one of " + schema.getEnumSymbols());
                return model.createEnum(parser.getText(), schema);
            case BYTES:
                return ByteBuffer.wrap(base64(parser, where));
            case FIXED: {
                byte[] bytes = base64(parser, where);
                expect(bytes.length == schema.getFixedSize(), where, "base64 of exactly " + schema.getFixedSize() + " bytes");
                return model.createFixed(null, bytes, schema);
            }
            case ARRAY: {
                expect(token == JsonToken.START_ARRAY, where, "an array");
                List<Object> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, schema.getElementType(), where + "[]"));
                }
                return items;
            }
            case MAP: {
                expect(token == JsonToken.START_OBJECT, where, "an object");
                Map<String, Object> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    entries.put(key, readValue(parser, schema.getValueType(), where + "{}"));
                }
                return entries;
            }
            case RECORD:
                expect(token == JsonToken.START_OBJECT, where, "an object");
                return readRecord(parser, schema, where);
            default:
                throw new PlainJsonException("field '" + where + "': type " + schema.getType() + " has no plain JSON form");
        }
    }

    private static Object readLogical(JsonParser parser, Schema schema, LogicalType logical, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            BigDecimal value = decimalValue(parser, where);
            try {
                value = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
            }
            catch (ArithmeticException e) {
                throw new PlainJsonException("field '" + where + "' has more than " + decimal.getScale() + " decimal places: " + value);
            }
            expect(value.precision() <= decimal.getPrecision(), where, "a decimal of at most " + decimal.getPrecision() + " digits");
            return value;
        }
        if ("big-decimal".equals(logical.getName())) {
            return decimalValue(parser, where);
        }
        expect(token == JsonToken.VALUE_STRING, where, "a string (" + logical.getName() + ")");
        if (IsoTimes.handles(logical.getName())) {
            return IsoTimes.parse(logical.getName(), parser.getText(), where);
        }
        try {
            return java.util.UUID.fromString(parser.getText());
        }
        catch (IllegalArgumentException e) {
            throw new PlainJsonException("field '" + where + "' must be a UUID, was '" + parser.getText() + "'");
        }
    }

    /** A JSON number, read exactly; a string holding one is taken too (some JSON writers cannot emit exact decimals). */
    private static BigDecimal decimalValue(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        expect(token == JsonToken.VALUE_STRING, where, "a number");
        try {
            return new BigDecimal(parser.getText().trim());
        }
        catch (NumberFormatException e) {
            throw new PlainJsonException("field '" + where + "' must be a number, was '" + parser.getText() + "'");
        }
    }

    private static double readFloating(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            // how Jackson (and so this writer) writes NaN and the infinities
            return switch (parser.getText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new PlainJsonException("field '" + where + "' must be a number");
            };
        }
        expect(token != null && token.isNumeric(), where, "a number");
        return parser.getDoubleValue();
    }

    private static byte[] base64(JsonParser parser, String where) throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, where, "a base64 string");
        try {
            return Base64.getDecoder().decode(parser.getText());
        }
        catch (IllegalArgumentException e) {
            throw new PlainJsonException("field '" + where + "' must be base64: " + e.getMessage());
        }
    }

    private static void expect(boolean ok, String where, String what) {
        if (!ok) {
            throw new PlainJsonException("field '" + where + "' must be " + what);
        }
    }
}
