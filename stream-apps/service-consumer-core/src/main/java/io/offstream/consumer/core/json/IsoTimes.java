package io.offstream.consumer.core.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/**
 * The ISO-8601 text of Avro's date and time logical types. Written with exactly as many fraction
 * digits as the type holds (3 for millis, 6 for micros, 9 for nanos), so equal values give equal
 * text and nothing is lost; timestamps in UTC with {@code Z}. Read with any number of fraction
 * digits and, for timestamps, any offset, but never more precise than the type.
 */
final class IsoTimes {

    private static final DateTimeFormatter[] TIMESTAMPS = {timestamp(3, true), timestamp(6, true), timestamp(9, true)};

    private static final DateTimeFormatter[] LOCAL_TIMESTAMPS = {timestamp(3, false), timestamp(6, false), timestamp(9, false)};

    private static final DateTimeFormatter[] TIMES = {time(3), time(6)};

    private IsoTimes() {
    }

    /** Whether the logical type is one of the date/time types this class writes. */
    static boolean handles(String logicalType) {
        return switch (logicalType) {
            case "date", "time-millis", "time-micros", "timestamp-millis", "timestamp-micros", "timestamp-nanos",
                    "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" -> true;
            default -> false;
        };
    }

    static String format(String logicalType, Object value) {
        return switch (logicalType) {
            case "date" -> ((LocalDate) value).toString();
            case "time-millis" -> TIMES[0].format((LocalTime) value);
            case "time-micros" -> TIMES[1].format((LocalTime) value);
            case "timestamp-millis", "timestamp-micros", "timestamp-nanos" ->
                    TIMESTAMPS[precision(logicalType)].format(((Instant) value).atOffset(ZoneOffset.UTC));
            default -> LOCAL_TIMESTAMPS[precision(logicalType)].format((LocalDateTime) value);
        };
    }

    /**
     * The value of the text for the logical type.
     *
     * @throws PlainJsonException if it is no ISO-8601 text of that kind or more precise than the type
     */
    static Object parse(String logicalType, String text, String where) {
        try {
            return switch (logicalType) {
                case "date" -> LocalDate.parse(text);
                case "time-millis", "time-micros" -> exact(LocalTime.parse(text), logicalType, where);
                case "timestamp-millis", "timestamp-micros", "timestamp-nanos" ->
                        exact(OffsetDateTime.parse(text).toInstant(), logicalType, where);
                default -> exact(LocalDateTime.parse(text), logicalType, where);
            };
        }
        catch (DateTimeException e) {
            throw new PlainJsonException("field '" + where + "' must be an ISO-8601 " + kind(logicalType) + ", was '" + text + "'");
        }
    }

    private static <T extends Temporal> T exact(T value, String logicalType, String where) {
        long nanos = value.getLong(ChronoField.NANO_OF_SECOND);
        long unit = switch (logicalType.substring(logicalType.lastIndexOf('-') + 1)) {
            case "millis" -> 1_000_000;
            case "micros" -> 1_000;
            default -> 1;
        };
        if (nanos % unit != 0) {
            throw new PlainJsonException("field '" + where + "' is more precise than its type " + logicalType + " holds");
        }
        return value;
    }

    private static String kind(String logicalType) {
        if (logicalType.equals("date")) {
            return "date (yyyy-MM-dd)";
        }
        if (logicalType.startsWith("time-")) {
            return "time (HH:mm:ss.SSS)";
        }
        return logicalType.startsWith("local-") ? "local date-time without offset" : "timestamp with an offset or Z";
    }

    private static int precision(String logicalType) {
        return logicalType.endsWith("millis") ? 0 : logicalType.endsWith("micros") ? 1 : 2;
    }

    private static DateTimeFormatter timestamp(int digits, boolean utc) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
        return utc ? builder.appendLiteral('Z').toFormatter() : builder.toFormatter();
    }

    private static DateTimeFormatter time(int digits) {
        return new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true).toFormatter();
    }
}
