package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.RejectReason.NULL_REQUIRED_FIELD;
import static io.offstream.contract.coerce.RejectReason.TYPE_MISMATCH;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.offstream.contract.service.AvroTypes;

/**
 * A plain Java value to the Avro generic representation of a schema, recursively: unions, arrays,
 * maps and records here, scalars and logical types in {@link ScalarCoercion},
 * {@link TemporalCoercion} and {@link DecimalCoercion}. Text is trimmed and blank text is null.
 * The first problem ends the coercion with a {@link ValueRejectedException} naming its path.
 */
final class ValueCoercion {

    private ValueCoercion() {
    }

    /**
     * A record field's value: null (or blank) is null where the field is nullable, else the field's
     * default where it has one, else {@link RejectReason#NULL_REQUIRED_FIELD}.
     */
    static Object field(Schema.Field field, Object raw, String path) {
        Object value = normalized(raw);
        if (value == null && !AvroTypes.nullable(field.schema()) && field.hasDefaultValue()) {
            return GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field));
        }
        return value(field.schema(), value, path);
    }

    /** A value for a schema; {@code value} is already normalized. */
    static Object value(Schema schema, Object value, String path) {
        if (value == null) {
            if (AvroTypes.nullable(schema)) {
                return null;
            }
            throw new ValueRejectedException(NULL_REQUIRED_FIELD, path, path + " is required but is null or blank");
        }
        if (schema.getType() == Schema.Type.UNION) {
            return union(schema, value, path);
        }
        if (schema.getLogicalType() != null) {
            if (AvroTypes.isDecimal(schema)) {
                return DecimalCoercion.coerce(value, path, schema);
            }
            if (TemporalCoercion.handles(schema)) {
                return TemporalCoercion.coerce(value, path, schema);
            }
        }
        return switch (schema.getType()) {
            case STRING -> ScalarCoercion.toText(value, path, schema);
            case BOOLEAN -> ScalarCoercion.toBoolean(value, path);
            case INT -> ScalarCoercion.toInt(value, path);
            case LONG -> ScalarCoercion.toLong(value, path);
            case FLOAT -> ScalarCoercion.toFloat(value, path);
            case DOUBLE -> ScalarCoercion.toDouble(value, path);
            case BYTES -> ScalarCoercion.toBytes(value, path);
            case FIXED -> ScalarCoercion.toFixed(value, path, schema);
            case ENUM -> ScalarCoercion.toEnum(value, path, schema);
            case ARRAY -> array(schema, value, path);
            case MAP -> map(schema, value, path);
            case RECORD -> record(schema, value, path);
            default -> throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "cannot be coerced to " + schema.getType());
        };
    }

    /** Text trimmed, blank text null; every other value as it is. */
    static Object normalized(Object raw) {
        if (raw instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return raw;
    }

    /** ["null", T] is T; a union of several types takes the first branch that accepts the value. */
    private static Object union(Schema schema, Object value, String path) {
        List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
            return value(branches.get(0), value, path);
        }
        for (Schema branch : branches) {
            try {
                return value(branch, value, path);
            } catch (ValueRejectedException e) {
                // try the next branch
            }
        }
        throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "fits none of "
                + branches.stream().map(AvroTypes::describe).collect(Collectors.joining(", ")));
    }

    private static GenericData.Array<Object> array(Schema schema, Object value, String path) {
        List<?> items;
        if (value instanceof List<?> list) {
            items = list;
        } else if (value instanceof Object[] objects) {
            items = List.of(objects);
        } else {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a list: it is " + ScalarCoercion.kind(value));
        }
        GenericData.Array<Object> out = new GenericData.Array<>(items.size(), schema);
        for (int i = 0; i < items.size(); i++) {
            out.add(value(schema.getElementType(), normalized(items.get(i)), path + "[" + i + "]"));
        }
        return out;
    }

    private static Map<String, Object> map(Schema schema, Object value, String path) {
        Map<?, ?> entries = asMap(value, path);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (e.getKey() == null) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "has a null map key");
            }
            String key = e.getKey().toString();
            out.put(key, value(schema.getValueType(), normalized(e.getValue()), path + "[" + key + "]"));
        }
        return out;
    }

    private static GenericData.Record record(Schema schema, Object value, String path) {
        Map<?, ?> fields = value instanceof GenericRecord r ? fieldsOf(r) : asMap(value, path);
        GenericData.Record out = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            out.put(f.pos(), field(f, fields.get(f.name()), path + "." + f.name()));
        }
        return out;
    }

    private static Map<?, ?> asMap(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof GenericRecord r) {
            return fieldsOf(r);
        }
        throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a map or struct: it is " + ScalarCoercion.kind(value));
    }

    private static Map<String, Object> fieldsOf(GenericRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field f : record.getSchema().getFields()) {
            fields.put(f.name(), record.get(f.pos()));
        }
        return fields;
    }
}
