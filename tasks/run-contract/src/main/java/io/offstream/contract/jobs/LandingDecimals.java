package io.offstream.contract.jobs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Landed decimals are always Avro {@code fixed} (Parquet FIXED_LEN_BYTE_ARRAY), never {@code bytes}
 * (Parquet BINARY): Spark 4.0's vectorized reader fails on a BINARY decimal whose precision fits a
 * long ("childColumns is null"), and reads FIXED_LEN_BYTE_ARRAY decimals at every precision. A
 * {@code bytes} decimal of a response becomes a fixed of the least size holding its precision, named
 * {@code io.offstream.landing.decimal_<precision>_<scale>}; precision, scale and value are unchanged.
 */
public final class LandingDecimals {

    /** Namespace of the fixed types that stand for bytes decimals in landing schemas. */
    public static final String NAMESPACE = "io.offstream.landing";

    private LandingDecimals() {
    }

    /** The schema with every bytes decimal, at any depth, a fixed decimal; the same instance when it has none. */
    public static Schema of(Schema schema) {
        return convert(schema, new HashMap<>());
    }

    /** The least number of bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    public static int fixedSize(int precision) {
        int size = 1;
        while (maxDigits(size) < precision) {
            size++;
        }
        return size;
    }

    private static int maxDigits(int size) {
        return BigInteger.TWO.pow(8 * size - 1).subtract(BigInteger.ONE).toString().length() - 1;
    }

    private static Schema convert(Schema schema, Map<String, Schema> records) {
        if (!hasBytesDecimal(schema, new ArrayList<>())) {
            return schema;
        }
        return switch (schema.getType()) {
            case BYTES -> fixedDecimal((LogicalTypes.Decimal) schema.getLogicalType());
            case ARRAY -> copyProps(schema, Schema.createArray(convert(schema.getElementType(), records)));
            case MAP -> copyProps(schema, Schema.createMap(convert(schema.getValueType(), records)));
            case UNION -> Schema.createUnion(schema.getTypes().stream().map(branch -> convert(branch, records)).toList());
            case RECORD -> record(schema, records);
            default -> schema;
        };
    }

    private static Schema record(Schema schema, Map<String, Schema> records) {
        Schema done = records.get(schema.getFullName());
        if (done != null) {
            return done; // a recursive record: its converted self
        }
        Schema copy = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), schema.isError());
        records.put(schema.getFullName(), copy);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, convert(field.schema(), records)));
        }
        copy.setFields(fields);
        schema.getAliases().forEach(copy::addAlias);
        return copyProps(schema, copy);
    }

    private static Schema fixedDecimal(LogicalTypes.Decimal decimal) {
        Schema fixed = Schema.createFixed("decimal_" + decimal.getPrecision() + "_" + decimal.getScale(),
                "A decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")", NAMESPACE,
                fixedSize(decimal.getPrecision()));
        return LogicalTypes.decimal(decimal.getPrecision(), decimal.getScale()).addToSchema(fixed);
    }

    private static Schema copyProps(Schema from, Schema to) {
        from.getObjectProps().forEach(to::addProp);
        return to;
    }

    private static boolean hasBytesDecimal(Schema schema, List<Schema> visiting) {
        return switch (schema.getType()) {
            case BYTES -> isDecimal(schema.getLogicalType());
            case ARRAY -> hasBytesDecimal(schema.getElementType(), visiting);
            case MAP -> hasBytesDecimal(schema.getValueType(), visiting);
            case UNION -> schema.getTypes().stream().anyMatch(branch -> hasBytesDecimal(branch, visiting));
            case RECORD -> {
                if (visiting.stream().anyMatch(seen -> seen == schema)) {
                    yield false;
                }
                visiting.add(schema);
                boolean has = schema.getFields().stream().anyMatch(field -> hasBytesDecimal(field.schema(), visiting));
                visiting.remove(visiting.size() - 1);
                yield has;
            }
            default -> false;
        };
    }

    private static boolean isDecimal(LogicalType type) {
        return type instanceof LogicalTypes.Decimal;
    }

    /**
     * A value of {@code source} (Avro's generic form) as a value of {@code target} = {@link #of}(source).
     *
     * @throws IllegalArgumentException if a decimal has more digits than its precision allows
     */
    public static Object value(Object value, Schema source, Schema target) {
        if (source == target || value == null) {
            return value;
        }
        return switch (source.getType()) {
            case BYTES -> fixed((ByteBuffer) value, target);
            case ARRAY -> {
                List<?> items = (List<?>) value;
                List<Object> converted = new GenericData.Array<>(items.size(), target);
                for (Object item : items) {
                    converted.add(value(item, source.getElementType(), target.getElementType()));
                }
                yield converted;
            }
            case MAP -> {
                Map<Object, Object> converted = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> converted.put(k, value(v, source.getValueType(), target.getValueType())));
                yield converted;
            }
            case UNION -> {
                int branch = GenericData.get().resolveUnion(source, value);
                yield value(value, source.getTypes().get(branch), target.getTypes().get(branch));
            }
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                GenericData.Record converted = new GenericData.Record(target);
                for (Schema.Field field : source.getFields()) {
                    converted.put(field.pos(), value(record.get(field.pos()), field.schema(), target.getFields().get(field.pos()).schema()));
                }
                yield converted;
            }
            default -> value;
        };
    }

    /** Big-endian two's complement, sign-extended to the fixed size. */
    private static GenericData.Fixed fixed(ByteBuffer value, Schema target) {
        ByteBuffer bytes = value.duplicate();
        int length = bytes.remaining();
        int size = target.getFixedSize();
        if (length > size) {
            throw new IllegalArgumentException("a decimal of " + length + " bytes exceeds the precision "
                    + ((LogicalTypes.Decimal) target.getLogicalType()).getPrecision() + " of its schema");
        }
        byte[] out = new byte[size];
        byte pad = length > 0 && bytes.get(bytes.position()) < 0 ? (byte) 0xFF : 0;
        for (int i = 0; i < size - length; i++) {
            out[i] = pad;
        }
        bytes.get(out, size - length, length);
        return new GenericData.Fixed(target, out);
    }
}
