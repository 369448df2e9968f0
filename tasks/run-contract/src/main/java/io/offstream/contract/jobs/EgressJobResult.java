package io.offstream.contract.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the Flink egress job reports at its end, in its result file. On success
 * {@code recordsRead = landedTotal + duplicatesDropped}; on failure {@code error} says why and the
 * counts are zero (nothing was landed by this attempt).
 *
 * <p>The file is {@link Properties} text (one {@code name=value} per line, maps as
 * {@code stoppingOffsets.<partition>} and {@code landedByDt.<day>}, ASCII with {@code \}-escapes),
 * so both sides read it with the JDK alone; it is written atomically and a reader names any missing
 * or malformed entry.
 */
public record EgressJobResult(
        String status,
        String service,
        String runKey,
        String topic,
        String runDirectory,
        String attemptId,
        SortedMap<Integer, Long> stoppingOffsets,
        boolean stoppingOffsetsGiven,
        long recordsRead,
        long duplicatesDropped,
        long landedTotal,
        SortedMap<String, Long> landedByDt,
        long undecodableRecords,
        String startedAt,
        String finishedAt,
        long durationMillis,
        long jobNetRuntimeMillis,
        long rowsPerSecond,
        String error) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    private static final String STOPPING_OFFSETS = "stoppingOffsets.";
    private static final String LANDED_BY_DT = "landedByDt.";

    public EgressJobResult {
        stoppingOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(stoppingOffsets));
        landedByDt = Collections.unmodifiableSortedMap(new TreeMap<>(landedByDt));
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Writes the text next to {@code file} first, then moves it in place: a reader never sees half a file. */
    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, toText(), StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The result in a file {@link #writeTo} wrote; an {@link IOException} names what is missing or malformed. */
    public static EgressJobResult readFrom(Path file) throws IOException {
        try {
            return fromText(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException("The egress job's result file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The file's text, entries in a fixed order. */
    public String toText() {
        StringBuilder text = new StringBuilder("# Result of the Flink egress job (java.util.Properties format)\n");
        line(text, "status", status);
        line(text, "service", service);
        line(text, "runKey", runKey);
        line(text, "topic", topic);
        line(text, "runDirectory", runDirectory);
        line(text, "attemptId", attemptId);
        stoppingOffsets.forEach((partition, offset) -> line(text, STOPPING_OFFSETS + partition, offset));
        line(text, "stoppingOffsetsGiven", stoppingOffsetsGiven);
        line(text, "recordsRead", recordsRead);
        line(text, "duplicatesDropped", duplicatesDropped);
        line(text, "landedTotal", landedTotal);
        landedByDt.forEach((day, rows) -> line(text, LANDED_BY_DT + day, rows));
        line(text, "undecodableRecords", undecodableRecords);
        line(text, "startedAt", startedAt);
        line(text, "finishedAt", finishedAt);
        line(text, "durationMillis", durationMillis);
        line(text, "jobNetRuntimeMillis", jobNetRuntimeMillis);
        line(text, "rowsPerSecond", rowsPerSecond);
        line(text, "error", error);
        return text.toString();
    }

    /** Reads {@link #toText()}; an {@link IllegalArgumentException} names a missing or malformed entry. */
    public static EgressJobResult fromText(String text) {
        Properties entries = new Properties();
        try {
            entries.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not in java.util.Properties format: " + e.getMessage(), e);
        }
        Entries in = new Entries(entries);
        return new EgressJobResult(in.text("status"), in.text("service"), in.text("runKey"), in.text("topic"),
                in.text("runDirectory"), in.text("attemptId"), in.map(STOPPING_OFFSETS, Integer::valueOf),
                in.bool("stoppingOffsetsGiven"), in.number("recordsRead"), in.number("duplicatesDropped"),
                in.number("landedTotal"), in.map(LANDED_BY_DT, Function.identity()), in.number("undecodableRecords"),
                in.text("startedAt"), in.text("finishedAt"), in.number("durationMillis"), in.number("jobNetRuntimeMillis"),
                in.number("rowsPerSecond"), entries.getProperty("error"));
    }

    private static void line(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(escape(name, true)).append('=').append(escape(value.toString(), false)).append('\n');
        }
    }

    /** Properties escaping, and everything outside printable ASCII as {@code \\uXXXX}, so the file is plain ASCII. */
    static String escape(String value, boolean key) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == ' ' && (key || i == 0) || key && "=:#!".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Typed access to the entries, naming the entry that is missing or malformed. */
    private record Entries(Properties entries) {

        String text(String name) {
            String value = entries.getProperty(name);
            if (value == null) {
                throw new IllegalArgumentException("it has no '" + name + "'");
            }
            return value;
        }

        long number(String name) {
            String value = text(name);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + name + "' is '" + value + "', not a whole number");
            }
        }

        boolean bool(String name) {
            String value = text(name);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("'" + name + "' is '" + value + "', not true or false");
            }
            return Boolean.parseBoolean(value);
        }

        <K extends Comparable<K>> SortedMap<K, Long> map(String prefix, Function<String, K> key) {
            SortedMap<K, Long> map = new TreeMap<>();
            for (String name : entries.stringPropertyNames()) {
                if (name.startsWith(prefix)) {
                    try {
                        map.put(key.apply(name.substring(prefix.length())), number(name));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + name + "' does not name a partition");
                    }
                }
            }
            return map;
        }
    }
}
