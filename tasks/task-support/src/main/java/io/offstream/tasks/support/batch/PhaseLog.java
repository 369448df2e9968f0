package io.offstream.tasks.support.batch;

import java.time.Duration;

/** Formats progress the same way in every phase's log: done/left, rate, time left. */
public final class PhaseLog {

    private PhaseLog() {
    }

    public static String progress(String what, int done, int total, long rows, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double rate = rows / seconds;
        String eta = done == 0 || done >= total ? "-" : formatDuration(Duration.ofMillis((long) (elapsed.toMillis() * (total - done) / (double) done)));
        return String.format("%s: %d/%d done, %d left, %,d rows in %s (%,.0f rows/s), about %s left", what, done, total,
                total - done, rows, formatDuration(elapsed), rate, eta);
    }

    public static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
