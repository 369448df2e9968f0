package io.offstream.contract.jobs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line an engine job prints on its standard output while it works, so the phase task that
 * started it can record its progress: {@code [offstream-progress] done=<n> total=<n>} (total -1
 * when unknown). One format for every job and task.
 *
 * @param done records the job has processed so far
 * @param total records it will process, or -1 when unknown
 */
public record ProgressLine(long done, long total) {

    private static final String MARKER = "[offstream-progress]";

    private static final Pattern LINE = Pattern.compile(Pattern.quote(MARKER) + " done=(\\d+) total=(-1|\\d+)");

    public String format() {
        return MARKER + " done=" + done + " total=" + total;
    }

    /** The progress a line of a job's output reports; empty for any other line (a log line that mentions it too). */
    public static Optional<ProgressLine> parse(String line) {
        if (line == null || !line.contains(MARKER)) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        return m.find() ? Optional.of(new ProgressLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
    }
}
