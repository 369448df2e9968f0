package io.offstream.tests.runbenchmark;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** How figures are written in the benchmark's output: durations as the paper writes them, memory in MiB. */
final class Formats {

    private Formats() {
    }

    /** "7m03s" from a minute on, "42.3s" below. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 0) {
            return "-" + duration(d.negated());
        }
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }

    static String duration(Optional<Duration> d) {
        return d.map(Formats::duration).orElse("-");
    }

    static String mib(OptionalLong kib) {
        return kib.isPresent() ? mib(kib.getAsLong()) : "-";
    }

    static String mib(long kib) {
        return String.format("%,d", Math.round(kib / 1024.0));
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    /** 1000000 as "1M", 20000 as "20k": the way sizes are named in logs and tables. */
    static String size(long rows) {
        if (rows % 1_000_000 == 0) {
            return rows / 1_000_000 + "M";
        }
        if (rows % 1_000 == 0) {
            return rows / 1_000 + "k";
        }
        return Long.toString(rows);
    }
}
