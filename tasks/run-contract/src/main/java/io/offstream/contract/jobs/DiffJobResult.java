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

/**
 * What the Spark diff job reports to the task that submitted it (its {@code --result-file}): the
 * counts of {@code summary.json}, so the task records them in the ledger without reading the output
 * folder (which may be on hdfs://). Keys are counted once: {@code identical + changed + onlyA} are the
 * keys of landing A, {@code identical + changed + onlyB} those of B.
 *
 * <p>{@link Properties} text, ASCII with {@code \}-escapes, written atomically; per-field counts as
 * {@code changed-field.<field>=<keys>}:
 * <pre>
 * summary=file:/data/landing/risk/_diff/run=sim-1/summary.json
 * identical=9712
 * changed=281
 * changed-field.risk_score=250
 * </pre>
 *
 * @param summary URI of the summary.json written
 * @param changedByField per compared field, how many keys differ in it (every compared field, 0 included)
 */
public record DiffJobResult(String landingA, String landingB, String summary, long rowsA, long rowsB, long identical, long changed,
        long onlyA, long onlyB, SortedMap<String, Long> changedByField, long durationMillis) {

    private static final String CHANGED_FIELD = "changed-field.";

    public DiffJobResult {
        changedByField = Collections.unmodifiableSortedMap(new TreeMap<>(changedByField));
    }

    /** Every key either side has. */
    public long keys() {
        return identical + changed + onlyA + onlyB;
    }

    /** One line: {@code identical 9712, changed 281, only in A 4, only in B 3}. */
    public String summaryLine() {
        return String.format("identical %d, changed %d, only in A %d, only in B %d", identical, changed, onlyA, onlyB);
    }

    /** Writes the text next to {@code file} first, then moves it in place: a reader never sees half a file. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, toText(), StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The result in a file {@link #write} wrote; an {@link IOException} names what is missing or malformed. */
    public static DiffJobResult read(Path file) throws IOException {
        try {
            return fromText(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException("The diff job's result file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The file's text, entries in a fixed order. */
    public String toText() {
        StringBuilder text = new StringBuilder("# Result of the Spark diff job (java.util.Properties format)\n");
        line(text, "landing-a", landingA);
        line(text, "landing-b", landingB);
        line(text, "summary", summary);
        line(text, "rows-a", rowsA);
        line(text, "rows-b", rowsB);
        line(text, "identical", identical);
        line(text, "changed", changed);
        line(text, "only-a", onlyA);
        line(text, "only-b", onlyB);
        changedByField.forEach((field, keys) -> line(text, CHANGED_FIELD + field, keys));
        line(text, "duration-millis", durationMillis);
        return text.toString();
    }

    /** Reads {@link #toText()}; an {@link IllegalArgumentException} names a missing or malformed entry. */
    public static DiffJobResult fromText(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not in java.util.Properties format: " + e.getMessage(), e);
        }
        SortedMap<String, Long> byField = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(CHANGED_FIELD)) {
                byField.put(name.substring(CHANGED_FIELD.length()), number(p, name));
            }
        }
        return new DiffJobResult(text(p, "landing-a"), text(p, "landing-b"), text(p, "summary"), number(p, "rows-a"), number(p, "rows-b"),
                number(p, "identical"), number(p, "changed"), number(p, "only-a"), number(p, "only-b"), byField,
                number(p, "duration-millis"));
    }

    private static void line(StringBuilder text, String name, Object value) {
        text.append(EgressJobResult.escape(name, true)).append('=').append(EgressJobResult.escape(String.valueOf(value), false))
                .append('\n');
    }

    private static String text(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("it has no '" + name + "'");
        }
        return value;
    }

    private static long number(Properties p, String name) {
        String value = text(p, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is '" + value + "', not a whole number");
        }
    }
}
