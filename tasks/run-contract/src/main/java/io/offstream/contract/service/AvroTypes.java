package io.offstream.contract.service;

import java.util.List;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Small questions about Avro field types that the checks, the coercer and the key codec share. */
public final class AvroTypes {

    private AvroTypes() {
    }

    /** Whether null is a legal value (a union with null). */
    public static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    /** The schema without its null branch: {@code ["null", T]} gives T; a union of several non-null types stays a union. */
    public static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : Schema.createUnion(branches);
    }

    public static boolean isDecimal(Schema schema) {
        return schema.getLogicalType() instanceof LogicalTypes.Decimal;
    }

    public static boolean isTimestamp(Schema schema) {
        LogicalType t = schema.getLogicalType();
        return t instanceof LogicalTypes.TimestampMillis || t instanceof LogicalTypes.TimestampMicros
                || t instanceof LogicalTypes.LocalTimestampMillis || t instanceof LogicalTypes.LocalTimestampMicros;
    }

    public static boolean isDate(Schema schema) {
        return schema.getLogicalType() instanceof LogicalTypes.Date;
    }

    /** Numeric for {@code min}/{@code max}: int, long, float, double, decimal. */
    public static boolean isNumeric(Schema schema) {
        return switch (schema.getType()) {
            case INT, LONG, FLOAT, DOUBLE -> schema.getLogicalType() == null;
            case BYTES, FIXED -> isDecimal(schema);
            default -> false;
        };
    }

    /** Textual for {@code pattern}/{@code max-length}/{@code in}: string or enum. */
    public static boolean isTextual(Schema schema) {
        return schema.getType() == Schema.Type.STRING || schema.getType() == Schema.Type.ENUM;
    }

    /** Allowed as a key field: string, enum, int, long (a date is an int). */
    public static boolean isKeyType(Schema schema) {
        return switch (schema.getType()) {
            case STRING, ENUM, INT -> true;
            case LONG -> !isTimestamp(schema);
            default -> false;
        };
    }

    /** A short readable name: {@code string}, {@code decimal(12,2)}, {@code timestamp-micros}, {@code array<string>}. */
    public static String describe(Schema schema) {
        Schema s = nonNull(schema);
        LogicalType t = s.getLogicalType();
        if (t instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (t != null) {
            return t.getName();
        }
        return switch (s.getType()) {
            case ARRAY -> "array<" + describe(s.getElementType()) + ">";
            case MAP -> "map<string," + describe(s.getValueType()) + ">";
            case RECORD, ENUM, FIXED -> s.getType().getName() + " " + s.getName();
            default -> s.getType().getName();
        };
    }
}
