package io.offstream.launcher.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of where a run stands, from the SCDF server's progress endpoint over the run ledger, e.g.
 * {@code ingress running, 1m05s elapsed: 12,000 rows of 60,000, 185 rows/s, partitions 2/7, about 4m20s left; lag: offstream-risk 1,200}.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * @param children whether the run has child runs (multi-region): their newest event is appended
     * @return the line; empty when the progress says nothing yet
     */
    public static Optional<String> of(JsonNode progress, boolean children) {
        JsonNode current = progress.path("current");
        if (!current.isObject()) {
            return text(progress.path("lastEvent"));
        }
        StringBuilder line = new StringBuilder();
        String status = current.path("status").asText();
        line.append(current.path("phase").asText().toLowerCase(Locale.ROOT)).append(' ').append(status.toLowerCase(Locale.ROOT))
                .append(", ").append(duration(current.path("elapsedSeconds"))).append(" elapsed");
        if (present(current.path("done"))) {
            line.append(": ").append(count(current.path("done").asLong())).append(" rows");
            if (present(current.path("total"))) {
                line.append(" of ").append(count(current.path("total").asLong()));
            }
            line.append(", ").append(count(Math.round(current.path("ratePerSecond").asDouble()))).append(" rows/s");
        }
        if (present(current.path("partitionsTotal"))) {
            line.append(", partitions ").append(current.path("partitionsDone").asLong()).append('/')
                    .append(current.path("partitionsTotal").asLong());
        }
        if ("RUNNING".equals(status)) {
            line.append(", about ").append(duration(current.path("secondsLeft"))).append(" left");
        }
        List<String> lag = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> groups = progress.path("lag").fields(); groups.hasNext();) {
            Map.Entry<String, JsonNode> group = groups.next();
            lag.add(group.getKey() + " " + count(group.getValue().asLong()));
        }
        if (!lag.isEmpty()) {
            line.append("; lag: ").append(String.join(", ", lag));
        }
        if (children) {
            text(progress.path("lastEvent")).ifPresent(event -> line.append(" | ").append(event));
        }
        return Optional.of(line.toString());
    }

    /** 45s, 3m05s, 2h07m; '-' when unknown. */
    public static String duration(JsonNode seconds) {
        return present(seconds) ? duration(seconds.asLong()) : "-";
    }

    public static String duration(long s) {
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
