package io.offstream.tasks.validate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.validate.ValidationReport;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: tables written here (every text
 * escaped), charts drawn in the browser by the inlined ECharts from the page's JSON data; no request
 * leaves the page. Each chart's container gets {@code data-points} once drawn (0, with a "no data"
 * note, when it has nothing to show).
 */
public final class RunReportPage {

    /** The validation report's fields the header shows on their own; any other scalar field is listed under "all figures". */
    private static final Set<String> SHOWN = Set.of("runKey", "service", "keyFields", "passed", "sourceRows", "landedRows",
            "landedDistinct", "rejectedRows", "deadLettered", "accepted", "unexplained", "toleratedLoss", "rejectsByReason", "problems",
            "missingKeys", "duplicateKeys", "unexpectedKeys");

    private static final List<String> COUNT = List.of("rows", "records", "keys", "read", "rejected", "published", "landed", "changed keys");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReportPage() {
    }

    public static String render(RunReport report) {
        ValidationReport v = report.validation();
        String verdict = v.passed() ? "PASSED" : "FAILED";
        String echarts = ReportAssets.echartsVersion();
        Html page = new Html();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .text("Run " + report.runKey() + " · " + report.service() + " · " + verdict).raw("</title><style>")
                .raw(ReportAssets.style()).raw("</style></head>\n<body>\n");
        header(page, report, verdict);
        page.raw("<nav>").raw(nav(report)).raw("</nav>\n");
        phases(page, report);
        page.raw("<section id=\"throughput\"><h2>Throughput</h2><p class=\"caption\">Rows per second of each phase, between "
                + "consecutive samples of its rows done.</p>").chart("chart-throughput", "throughput per phase").raw("</section>\n");
        page.raw("<section id=\"lag\"><h2>Consumer lag</h2><p class=\"caption\">Records each consumer group still had to consume on "
                + "the run's ingress topic, during ingress and drain.</p>").chart("chart-lag", "lag per consumer group").raw("</section>\n");
        rejects(page, report);
        deadLetters(page, report);
        days(page, report);
        if (report.simulation()) {
            ReportDiffSection.write(page, report);
        }
        links(page, report);
        page.raw("<footer>Written by offstream-validate at ").text(Html.time(report.writtenAt())).raw(". Charts: ECharts ")
                .text(echarts).raw(" (Apache License 2.0), inlined.</footer>\n");
        page.raw("<script type=\"application/json\" id=\"run-report-data\">").raw(ReportChartData.of(report)).raw("</script>\n");
        page.raw("<script>").raw(ReportAssets.echarts(echarts)).raw("</script>\n");
        page.raw("<script>").raw(ReportAssets.pageScript()).raw("</script>\n</body></html>\n");
        return page.toString();
    }

    private static void header(Html page, RunReport r, String verdict) {
        ValidationReport v = r.validation();
        page.raw("<header class=\"").raw(v.passed() ? "passed" : "failed").raw("\"><h1>Run <code>").text(r.runKey())
                .raw("</code> <span class=\"verdict\">").text(verdict).raw("</span></h1><dl>");
        term(page, "service", r.service() + (r.simulation() ? "  (the " + r.side().toLowerCase(Locale.ROOT) + " of a simulation)" : ""));
        if (r.simulation()) {
            term(page, "compared", r.baseline() + " (baseline, A) with " + r.candidate() + " (candidate, B)");
        }
        term(page, "dataset", r.dataset());
        term(page, "dates", r.from() + " to " + r.to());
        term(page, "snapshot", Html.time(r.snapshotTime()));
        term(page, "record key", String.join(", ", v.keyFields()));
        page.raw("</dl><p class=\"summary\">").text(v.summary()).raw("</p>");
        if (!v.problems().isEmpty()) {
            page.raw("<ul class=\"problems\">");
            v.problems().forEach(p -> page.element("li", p));
            page.raw("</ul>");
        }
        long loss = (long) Math.floor(v.toleratedLoss() * v.sourceRows());
        page.table("figures", List.of("figure", "value"), List.of(
                List.of("source rows", Html.number(v.sourceRows())),
                List.of("accepted keys", Html.number(v.accepted())),
                List.of("landed keys (distinct)", Html.number(v.landedDistinct())),
                List.of("landed rows", Html.number(v.landedRows())),
                List.of("rejected rows", Html.number(v.rejectedRows())),
                List.of("dead-lettered keys", Html.number(v.deadLettered())),
                List.of("unexplained rows", Html.number(v.unexplained())),
                List.of("tolerated loss", v.toleratedLoss() + " of source rows (" + Html.number(loss) + " rows); duplicates and "
                        + "unexpected keys never pass")), List.of("value"));
        keys(page, "missing keys (accepted, neither landed nor dead-lettered)", v.missingKeys());
        keys(page, "keys landed more than once", v.duplicateKeys());
        keys(page, "landed keys never accepted", v.unexpectedKeys());
        otherFigures(page, v);
        r.notes().forEach(note -> page.raw("<p class=\"note\">").text(note).raw("</p>"));
        page.raw("</header>\n");
    }

    /** Scalar fields of the validation report the header does not show (budgets it may state, say), as it states them. */
    private static void otherFigures(Html page, ValidationReport v) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode tree = JSON.valueToTree(v);
        tree.fields().forEachRemaining(e -> {
            if (!SHOWN.contains(e.getKey()) && e.getValue().isValueNode()) {
                rows.add(List.of(e.getKey(), e.getValue().asText()));
            }
        });
        if (!rows.isEmpty()) {
            page.table("figures", List.of("as report.json states it", "value"), rows, List.of());
        }
    }

    private static void keys(Html page, String what, List<String> keys) {
        if (keys != null && !keys.isEmpty()) {
            page.raw("<p class=\"keys\">").text(what + " (first " + keys.size() + "): ").raw("<code>").text(String.join("  ", keys))
                    .raw("</code></p>");
        }
    }

    private static void term(Html page, String term, Object value) {
        page.element("dt", term).element("dd", value);
    }

    private static String nav(RunReport r) {
        StringBuilder nav = new StringBuilder();
        for (String[] s : new String[][] {{"phases", "Phases"}, {"throughput", "Throughput"}, {"lag", "Lag"}, {"rejects", "Rejects"},
                {"dead-letters", "Dead letters"}, {"days", "Per day"}, {"diff", "Compare two versions"}, {"links", "Links"}}) {
            if (!"diff".equals(s[0]) || r.simulation()) {
                nav.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
            }
        }
        return nav.toString();
    }

    private static void phases(Html page, RunReport r) {
        page.raw("<section id=\"phases\"><h2>Phases</h2>").chart("chart-timeline", "phase timeline");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseRecord p : r.phases()) {
            rows.add(List.of(p.phase().name(), p.status().name(), String.valueOf(p.attempts()), Html.time(p.startedAt()),
                    p.endedAt() == null ? "(running)" : Html.time(p.endedAt()),
                    Html.duration(p.startedAt(), p.endedAt() == null ? r.writtenAt() : p.endedAt()), p.message() == null ? "" : p.message()));
        }
        page.table("phases", List.of("phase", "status", "attempts", "started", "ended", "took", "message"), rows, List.of("attempts"))
                .raw("</section>\n");
    }

    private static void rejects(Html page, RunReport r) {
        page.raw("<section id=\"rejects\"><h2>Rejected rows by reason and field</h2><p class=\"caption\">").text("quarantine".equals(
                r.rejectsFrom()) ? "Counted from the quarantine's Parquet (columns reason_code and reason_field)."
                        : "Counted by the ledger, by reason only (the quarantine folder is not there).").raw("</p>")
                .chart("chart-rejects", "rejected rows by reason and field");
        page.table("counts", List.of("reason / field", "rows"), rows(r.rejects()), COUNT).raw("</section>\n");
    }

    private static void deadLetters(Html page, RunReport r) {
        page.raw("<section id=\"dead-letters\"><h2>Dead-lettered records by error</h2><p class=\"caption\">From the headers of "
                + "this side's DLQ topic, read once while validating.</p>").chart("chart-dead-letters", "dead-lettered records by error");
        List<List<String>> rows = new ArrayList<>();
        r.deadLetters().counts().top(RunReport.TOP).forEach((error, n) -> {
            DeadLetterErrors.Example first = r.deadLetters().example(error);
            rows.add(List.of(error, first == null || first.stage() == null ? "" : first.stage(), Html.number(n),
                    first == null || first.message() == null ? "" : first.message()));
        });
        page.table("counts", List.of("error", "stage", "records", "first message"), rows, COUNT).raw("</section>\n");
    }

    private static void days(Html page, RunReport r) {
        page.raw("<section id=\"days\"><h2>Per day</h2><p class=\"caption\">Ingress's counts of each dt= partition, and the rows landed "
                + "in its folder (from the Parquet footers).</p>").chart("chart-partitions", "counts per day");
        List<List<String>> rows = new ArrayList<>();
        r.partitions().forEach(d -> rows.add(List.of(d.day().toString(), d.status(), Html.number(d.read()), Html.number(d.rejected()),
                Html.number(d.published()), Html.number(d.landed()))));
        page.table("counts", List.of("day", "ingress", "read", "rejected", "published", "landed"), rows, COUNT).raw("</section>\n");
    }

    private static void links(Html page, RunReport r) {
        page.raw("<section id=\"links\"><h2>Links</h2><ul>");
        r.links().forEach(l -> page.raw("<li><a href=\"").text(l.href()).raw("\">").text(l.label()).raw("</a> <code>").text(l.href())
                .raw("</code></li>"));
        page.raw("</ul></section>\n");
    }

    static List<List<String>> rows(Map<String, Long> counts) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((label, n) -> rows.add(List.of(label, Html.number(n))));
        return rows;
    }
}
