package io.offstream.contract.keys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.offstream.contract.service.AvroTypes;

/**
 * The record key of a request: the Kafka key of its event and result, what de-duplicates it and
 * what validate reconciles by. Text: a single key field is its value as text ({@code T-000123},
 * {@code 42}, a date as {@code 2026-01-03}); several fields are their texts joined with '|', each
 * with '\' and '|' escaped by '\'. {@link #parts} reverses the join.
 */
public final class RecordKeys {

    private final List<String> fields;

    public RecordKeys(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a record key needs at least one field");
        }
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }

    /** The key of a record that has the key fields (a request, or a landed row). */
    public String keyOf(GenericRecord record) {
        if (fields.size() == 1) {
            return text(record, fields.get(0));
        }
        List<String> parts = new ArrayList<>(fields.size());
        for (String field : fields) {
            parts.add(text(record, field));
        }
        return join(parts);
    }

    /** Joins the texts of several key fields. */
    public static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            String p = parts.get(i);
            for (int c = 0; c < p.length(); c++) {
                char ch = p.charAt(c);
                if (ch == '\\' || ch == '|') {
                    out.append('\\');
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The texts of the key fields of a key, in the order of {@link #fields()}. */
    public List<String> parts(String key) {
        if (fields.size() == 1) {
            return List.of(key);
        }
        List<String> parts = new ArrayList<>(fields.size());
        StringBuilder current = new StringBuilder();
        for (int c = 0; c < key.length(); c++) {
            char ch = key.charAt(c);
            if (ch == '\\' && c + 1 < key.length()) {
                current.append(key.charAt(++c));
            } else if (ch == '|') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        if (parts.size() != fields.size()) {
            throw new IllegalArgumentException("key '" + key + "' has " + parts.size() + " parts, the key " + fields + " has "
                    + fields.size());
        }
        return parts;
    }

    /** The typed value (as Avro's generic model holds it) of one key part, for the field's schema. */
    public static Object valueOf(String text, Schema fieldSchema) {
        Schema s = AvroTypes.nonNull(fieldSchema);
        if (AvroTypes.isDate(s)) {
            return (int) LocalDate.parse(text).toEpochDay();
        }
        return switch (s.getType()) {
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case ENUM -> new GenericData.EnumSymbol(s, text);
            default -> text;
        };
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new IllegalArgumentException("key field '" + field + "' of " + record.getSchema().getName() + " is null");
        }
        Schema.Field f = record.getSchema().getField(field);
        if (f != null && AvroTypes.isDate(AvroTypes.nonNull(f.schema())) && value instanceof Integer days) {
            return LocalDate.ofEpochDay(days).toString();
        }
        return value.toString();
    }
}
