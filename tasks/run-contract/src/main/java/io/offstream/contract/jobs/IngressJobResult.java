package io.offstream.contract.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Spark ingress job reports for its partition, the contract between the job (which
 * writes it to {@code --result-file}) and the ingress task (which records it in the ledger).
 *
 * <p>The file is in Java properties format, written by {@link #write} atomically (a reader never
 * sees half a file), one {@code name=value} per line, maps and lists as numbered or named keys:
 * <pre>
 * run-key=r20260301-20260307-1a2b3c4d5e
 * read=15000
 * rejected-by-reason.NOT_IN_SET=300
 * end-offset.0=4471
 * skipped-corrupt-file.0=file:/warehouse/dt=2026-03-01/part-9.parquet
 * </pre>
 * Properties, not JSON: the run contract has no JSON library, and the JDK reads this format back
 * with every character escaped correctly.
 *
 * @param rejectedByReason rejected rows per reason code
 * @param skippedCorruptFiles pinned files skipped as unreadable ({@code on-corrupt-file=skip})
 * @param endOffsets the ingress topic's end offset per partition after the job published
 */
public record IngressJobResult(String runKey, String partitionDate, String topic, long read, long rejected, long published,
        Map<String, Long> rejectedByReason, List<String> skippedCorruptFiles, Map<Integer, Long> endOffsets, long durationMillis,
        double rowsPerSecond) {

    private static final String BY_REASON = "rejected-by-reason.";
    private static final String SKIPPED = "skipped-corrupt-file.";
    private static final String END_OFFSET = "end-offset.";

    public IngressJobResult {
        rejectedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
        skippedCorruptFiles = List.copyOf(skippedCorruptFiles);
        endOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(endOffsets));
    }

    /** Writes the result to a temporary file beside {@code file}, then moves it into place. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toText(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static IngressJobResult read(Path file) throws IOException {
        try {
            return fromText(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("The ingress job result " + file + " is not readable: " + e.getMessage(), e);
        }
    }

    /** The properties text, keys in a fixed order. */
    public String toText() {
        StringBuilder out = new StringBuilder("# the Spark ingress job's result for one partition\n");
        line(out, "run-key", runKey);
        line(out, "partition-date", partitionDate);
        line(out, "topic", topic);
        line(out, "read", Long.toString(read));
        line(out, "rejected", Long.toString(rejected));
        line(out, "published", Long.toString(published));
        rejectedByReason.forEach((reason, count) -> line(out, BY_REASON + reason, Long.toString(count)));
        for (int i = 0; i < skippedCorruptFiles.size(); i++) {
            line(out, SKIPPED + i, skippedCorruptFiles.get(i));
        }
        endOffsets.forEach((partition, offset) -> line(out, END_OFFSET + partition, Long.toString(offset)));
        line(out, "duration-millis", Long.toString(durationMillis));
        line(out, "rows-per-second", Double.toString(rowsPerSecond));
        return out.toString();
    }

    /** Reads {@link #toText()}; an {@link IllegalArgumentException} names a missing or malformed value. */
    public static IngressJobResult fromText(String text) {
        Properties p = new Properties();
        try (Reader reader = new StringReader(text)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        SortedMap<String, Long> byReason = new TreeMap<>();
        SortedMap<Integer, String> skipped = new TreeMap<>();
        SortedMap<Integer, Long> offsets = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(BY_REASON)) {
                byReason.put(name.substring(BY_REASON.length()), number(p, name));
            } else if (name.startsWith(SKIPPED)) {
                skipped.put(index(name, SKIPPED), p.getProperty(name));
            } else if (name.startsWith(END_OFFSET)) {
                offsets.put(index(name, END_OFFSET), number(p, name));
            }
        }
        double rowsPerSecond;
        try {
            rowsPerSecond = Double.parseDouble(required(p, "rows-per-second"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rows-per-second '" + p.getProperty("rows-per-second") + "' is not a number");
        }
        return new IngressJobResult(required(p, "run-key"), required(p, "partition-date"), required(p, "topic"), number(p, "read"),
                number(p, "rejected"), number(p, "published"), byReason, new ArrayList<>(skipped.values()), offsets,
                number(p, "duration-millis"), rowsPerSecond);
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }

    private static long number(Properties p, String name) {
        String value = required(p, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is '" + value + "', not a whole number");
        }
    }

    private static int index(String name, String prefix) {
        try {
            return Integer.parseInt(name.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' does not end in a number");
        }
    }

    private static void line(StringBuilder out, String key, String value) {
        escape(out, key);
        out.append('=');
        escape(out, value);
        out.append('\n');
    }

    /** The escapes {@link Properties#load(Reader)} undoes; other characters stay as they are (the file is UTF-8). */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!', ' ' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
    }
}
