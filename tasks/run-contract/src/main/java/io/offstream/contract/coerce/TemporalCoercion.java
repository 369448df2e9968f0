package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.RejectReason.OUT_OF_RANGE;
import static io.offstream.contract.coerce.RejectReason.TYPE_MISMATCH;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Dates, timestamps and times to their Avro logical types: {@code date} (days since the epoch),
 * {@code timestamp-millis}/{@code -micros} and their {@code local-} variants (since the epoch;
 * a value without a zone is read as UTC, as the Spark session of the job is), {@code time-millis}/
 * {@code -micros}. A plain number is taken as already in the field's unit; text is ISO-8601.
 */
final class TemporalCoercion {

    private static final Pattern EPOCH_NUMBER = Pattern.compile("-?\\d{1,19}");

    private TemporalCoercion() {
    }

    /** Whether the schema is a logical type this class handles. */
    static boolean handles(Schema schema) {
        LogicalType t = schema.getLogicalType();
        return t instanceof LogicalTypes.Date || t instanceof LogicalTypes.TimestampMillis || t instanceof LogicalTypes.TimestampMicros
                || t instanceof LogicalTypes.LocalTimestampMillis || t instanceof LogicalTypes.LocalTimestampMicros
                || t instanceof LogicalTypes.TimeMillis || t instanceof LogicalTypes.TimeMicros;
    }

    static Object coerce(Object value, String path, Schema schema) {
        LogicalType t = schema.getLogicalType();
        if (t instanceof LogicalTypes.Date) {
            return toDate(value, path);
        }
        if (t instanceof LogicalTypes.TimeMillis) {
            return value instanceof Integer millis ? millis : (int) (toTime(value, path) / 1_000_000);
        }
        if (t instanceof LogicalTypes.TimeMicros) {
            return value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : toTime(value, path) / 1_000;
        }
        boolean micros = t instanceof LogicalTypes.TimestampMicros || t instanceof LogicalTypes.LocalTimestampMicros;
        return toTimestamp(value, path, micros);
    }

    /** Days since 1970-01-01 of the value's (UTC) date. */
    static Integer toDate(Object value, String path) {
        LocalDate date;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof java.sql.Date d) {
            date = d.toLocalDate();
        } else if (value instanceof String text) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not an ISO-8601 date (yyyy-MM-dd)");
            }
        } else {
            Instant instant = instantOf(value);
            if (instant == null) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a date: it is " + ScalarCoercion.kind(value));
            }
            date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        long days = date.toEpochDay();
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "is too far from 1970 for a date");
        }
        return (int) days;
    }

    /** Milliseconds or microseconds since the epoch; microseconds keep a Timestamp's or Instant's microseconds. */
    static Long toTimestamp(Object value, String path, boolean micros) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && EPOCH_NUMBER.matcher(text).matches()) {
            return ScalarCoercion.toLong(text, path);
        }
        Instant instant = instantOf(value);
        if (instant == null && value instanceof String text) {
            instant = parseInstant(text);
            if (instant == null) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not an ISO-8601 timestamp");
            }
        }
        if (instant == null) {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a timestamp: it is " + ScalarCoercion.kind(value));
        }
        try {
            return micros ? Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000)
                    : instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "is too far from 1970 for " + (micros ? "micro" : "milli")
                    + "seconds since the epoch");
        }
    }

    /** The instant of a temporal value (a date is its UTC midnight); null when the value is not temporal. */
    static Instant instantOf(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }

    /** {@code 2026-01-03T10:00:00Z}, {@code ...+01:00}, or without a zone (UTC), 'T' or a space between date and time. */
    private static Instant parseInstant(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Nanoseconds of the day. */
    private static long toTime(Object value, String path) {
        LocalTime time;
        if (value instanceof LocalTime t) {
            time = t;
        } else if (value instanceof Time t) {
            time = t.toLocalTime();
        } else if (value instanceof String text) {
            try {
                time = LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not an ISO-8601 time (HH:mm:ss)");
            }
        } else {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "is not a time of day: it is " + ScalarCoercion.kind(value));
        }
        return time.toNanoOfDay();
    }
}
