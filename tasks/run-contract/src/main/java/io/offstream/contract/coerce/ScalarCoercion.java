package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.RejectReason.NOT_IN_SET;
import static io.offstream.contract.coerce.RejectReason.OUT_OF_RANGE;
import static io.offstream.contract.coerce.RejectReason.TYPE_MISMATCH;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/**
 * Plain Java values to Avro's primitive types (and enums, fixed), as Avro's generic model holds
 * them. Text arrives trimmed and non-blank; numbers given as text are parsed.
 */
final class ScalarCoercion {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ScalarCoercion() {
    }

    static Boolean toBoolean(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text) {
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a boolean (true or false)");
    }

    static Integer toInt(Object value, String path) {
        BigDecimal whole = wholeNumber(value, path, "int");
        if (whole.compareTo(INT_MIN) < 0 || whole.compareTo(INT_MAX) > 0) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "does not fit in an int");
        }
        return whole.intValueExact();
    }

    static Long toLong(Object value, String path) {
        BigDecimal whole = wholeNumber(value, path, "long");
        if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "does not fit in a long");
        }
        return whole.longValueExact();
    }

    static Double toDouble(Object value, String path) {
        double d = floating(value, path, "double");
        if (Double.isInfinite(d) && !isInfinityGiven(value)) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "does not fit in a double");
        }
        return d;
    }

    static Float toFloat(Object value, String path) {
        double d = floating(value, path, "float");
        float f = (float) d;
        if (Float.isInfinite(f) && !isInfinityGiven(value)) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "does not fit in a float");
        }
        return f;
    }

    /** Any scalar as its text: numbers plain, timestamps as ISO instants (UTC), dates as ISO dates. */
    static String toText(Object value, String path, Schema schema) {
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Instant
                || value instanceof Timestamp || value instanceof java.sql.Date || value instanceof LocalDate
                || value instanceof LocalDateTime || value instanceof Enum<?>) {
            text = ValueText.of(value);
        } else {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not text (" + kind(value) + ")");
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Uuid) {
            try {
                UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a UUID");
            }
        }
        return text;
    }

    /** An enum symbol, given as its exact text. */
    static GenericData.EnumSymbol toEnum(Object value, String path, Schema schema) {
        String symbol;
        if (value instanceof String s) {
            symbol = s;
        } else if (value instanceof Enum<?> e) {
            symbol = e.name();
        } else if (value instanceof GenericData.EnumSymbol e) {
            symbol = e.toString();
        } else {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not text for enum " + schema.getName());
        }
        if (!schema.hasEnumSymbol(symbol)) {
            throw ValueRejectedException.of(NOT_IN_SET, path, value, "is not a symbol of enum " + schema.getName() + " "
                    + ValueText.brief(schema.getEnumSymbols().toString()));
        }
        return new GenericData.EnumSymbol(schema, symbol);
    }

    static ByteBuffer toBytes(Object value, String path) {
        return ByteBuffer.wrap(bytes(value, path));
    }

    static GenericData.Fixed toFixed(Object value, String path, Schema schema) {
        byte[] bytes = bytes(value, path);
        if (bytes.length != schema.getFixedSize()) {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "has " + bytes.length + " bytes, fixed " + schema.getName()
                    + " holds exactly " + schema.getFixedSize());
        }
        return new GenericData.Fixed(schema, bytes);
    }

    /** A number as an exact decimal: numbers as they are, text parsed (1250, -3.5, 1e3). */
    static BigDecimal decimal(Object value, String path, String type) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a finite number (" + type + ")");
            }
            // the shortest decimal text of the value (0.1f is 0.1, not 0.100000001490116...)
            return new BigDecimal(value instanceof Float f ? Float.toString(f) : Double.toString(d));
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a number (" + type + ")");
            }
        }
        throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a number (" + type + "): it is " + kind(value));
    }

    /** The short name of a value's Java type, for messages. */
    static String kind(Object value) {
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "a map or struct";
        }
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        return value.getClass().getSimpleName();
    }

    private static BigDecimal wholeNumber(Object value, String path, String type) {
        BigDecimal d = decimal(value, path, type);
        if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a whole number (" + type + ")");
        }
        return d;
    }

    private static double floating(Object value, String path, String type) {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String text) {
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity", "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        return decimal(value, path, type).doubleValue();
    }

    private static boolean isInfinityGiven(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.isInfinite(((Number) value).doubleValue());
        }
        return value instanceof String text && text.toLowerCase(Locale.ROOT).endsWith("infinity");
    }

    private static byte[] bytes(Object value, String path) {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (value instanceof GenericFixed fixed) {
            return fixed.bytes().clone();
        }
        if (value instanceof String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                try {
                    return Base64.getUrlDecoder().decode(text);
                } catch (IllegalArgumentException e2) {
                    throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not base64 text for bytes");
                }
            }
        }
        throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not bytes or base64 text: it is " + kind(value));
    }
}
