package io.offstream.contract.coerce;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericFixed;

/**
 * Warehouse values as text: what a quarantined row keeps of each source column, and how a
 * rejection message quotes a value. Scalars are their plain text (a timestamp as an ISO instant in
 * UTC, a decimal without exponent, bytes as base64); lists and maps (nested structs arrive as maps)
 * are JSON-like, strings quoted inside them, so a nested value stays readable in one cell.
 */
public final class ValueText {

    /** Longest value a message quotes; longer ones are cut and end in "...". */
    static final int BRIEF_LENGTH = 40;

    private ValueText() {
    }

    /** The value as text; null for null. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder();
        append(out, value, false);
        return out.toString();
    }

    /** The value as one short line for a message: line breaks flattened, cut to {@value #BRIEF_LENGTH} characters. */
    public static String brief(Object value) {
        String text = value == null ? "null" : of(value).replaceAll("[\\r\\n\\t]+", " ");
        return text.length() <= BRIEF_LENGTH ? text : text.substring(0, BRIEF_LENGTH - 3) + "...";
    }

    private static void append(StringBuilder out, Object value, boolean nested) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            if (nested) {
                quote(out, text.toString());
            } else {
                out.append(text);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> e = entries.next();
                quote(out, String.valueOf(e.getKey()));
                out.append(": ");
                append(out, e.getValue(), true);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, list.get(i), true);
            }
            out.append(']');
        } else {
            String scalar = scalar(value);
            if (nested && needsQuotes(value)) {
                quote(out, scalar);
            } else {
                out.append(scalar);
            }
        }
    }

    private static String scalar(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof GenericFixed fixed) {
            return Base64.getEncoder().encodeToString(fixed.bytes());
        }
        return value.toString();
    }

    /** Numbers and booleans stay bare inside a list or map; everything else is a quoted string. */
    private static boolean needsQuotes(Object value) {
        return !(value instanceof Number) && !(value instanceof Boolean);
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
