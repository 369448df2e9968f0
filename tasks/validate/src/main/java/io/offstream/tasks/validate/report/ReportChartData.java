package io.offstream.tasks.validate.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.offstream.tasks.support.ledger.PhaseRecord;

/**
 * The charts' data as one JSON object, which the page carries in a {@code <script type="application/json">}
 * and its script reads: times as epoch milliseconds, every series as [time, value] pairs or as labels
 * with their counts.
 */
final class ReportChartData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportChartData() {
    }

    /** The JSON text, safe inside a {@code <script>} element: no {@code <}, {@code >} or {@code &} appears as such. */
    static String of(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.set("phases", phases(report.phases(), report.writtenAt()));
        root.set("throughput", series(report.throughput()));
        root.set("lag", series(report.lag()));
        root.set("rejects", counts(report.rejects()));
        root.set("deadLetters", counts(report.deadLetters().counts().top(RunReport.TOP)));
        root.set("partitions", days(report.partitions()));
        if (report.diff() != null) {
            Map<String, Long> changedFields = new java.util.LinkedHashMap<>();
            report.diff().fields().entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).forEach(e -> changedFields.put(e.getKey(), e.getValue()));
            root.set("diffFields", counts(changedFields));
        }
        try {
            return scriptSafe(JSON.writeValueAsString(root));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Characters that could end or confuse a script element, as JSON escapes (they only occur inside JSON strings). */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** One bar per phase row that has started; a running one ends when the report was written. */
    private static ArrayNode phases(List<PhaseRecord> phases, Instant now) {
        ArrayNode bars = JSON.createArrayNode();
        for (PhaseRecord phase : phases) {
            if (phase.startedAt() == null) {
                continue;
            }
            ObjectNode bar = bars.addObject();
            bar.put("phase", phase.phase().name());
            bar.put("status", phase.status().name());
            bar.put("attempts", phase.attempts());
            bar.put("start", phase.startedAt().toEpochMilli());
            bar.put("end", (phase.endedAt() == null ? now : phase.endedAt()).toEpochMilli());
            bar.put("running", phase.endedAt() == null);
        }
        return bars;
    }

    private static ArrayNode series(Map<String, List<RunSeries.Point>> byName) {
        ArrayNode series = JSON.createArrayNode();
        byName.forEach((name, points) -> {
            ObjectNode one = series.addObject();
            one.put("name", name);
            ArrayNode data = one.putArray("points");
            points.forEach(p -> data.addArray().add(p.at().toEpochMilli()).add(Math.round(p.value() * 100) / 100.0));
        });
        return series;
    }

    private static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode labels = node.putArray("labels");
        ArrayNode values = node.putArray("counts");
        counts.forEach((label, n) -> {
            labels.add(label);
            values.add(n);
        });
        return node;
    }

    /** Per day, each count or null where it is not known (the chart leaves a gap and does not count it as a point). */
    private static ObjectNode days(List<RunReport.DayCounts> days) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode labels = node.putArray("days");
        ArrayNode read = node.putArray("read");
        ArrayNode rejected = node.putArray("rejected");
        ArrayNode published = node.putArray("published");
        ArrayNode landed = node.putArray("landed");
        for (RunReport.DayCounts day : days) {
            labels.add(day.day().toString());
            read.add(day.read());
            rejected.add(day.rejected());
            published.add(day.published());
            landed.add(day.landed());
        }
        return node;
    }
}
