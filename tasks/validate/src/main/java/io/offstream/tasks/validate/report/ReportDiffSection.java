package io.offstream.tasks.validate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The "Compare two versions" section of a simulation's run report, from the diff job's summary.json. */
final class ReportDiffSection {

    private ReportDiffSection() {
    }

    static void write(Html page, RunReport r) {
        page.raw("<section id=\"diff\"><h2>Compare two versions</h2>");
        DiffSummary diff = r.diff();
        if (diff == null) {
            page.raw("<p class=\"note\">No diff summary yet: the simulation's diff has not written ").raw("<code>summary.json</code>")
                    .raw(" yet (the notes below name where it is read from).</p>")
                    .chart("chart-diff-fields", "changed keys per field").raw("</section>\n");
            return;
        }
        page.raw("<p class=\"caption\">A is ").text(r.baseline()).raw(" (").text(diff.landingA()).raw("), B is ").text(r.candidate())
                .raw(" (").text(diff.landingB()).raw(").</p>");
        page.table("figures", List.of("keys", "count"), List.of(
                List.of("identical", Html.number(diff.identical())),
                List.of("changed", Html.number(diff.changed())),
                List.of("only in A (" + r.baseline() + ")", Html.number(diff.onlyA())),
                List.of("only in B (" + r.candidate() + ")", Html.number(diff.onlyB()))), List.of("count"));
        page.raw("<h3>Changed keys per field</h3>").chart("chart-diff-fields", "changed keys per field");
        page.table("counts", List.of("field", "changed keys"), RunReportPage.rows(diff.fields()), List.of("changed keys"));
        if (!diff.numeric().isEmpty()) {
            page.raw("<h3>Numeric deltas (B − A)</h3>");
            List<List<String>> rows = new ArrayList<>();
            diff.numeric().forEach(n -> rows.add(List.of(n.field(), n.keys(), n.min(), n.avg(), n.max())));
            page.table("counts", List.of("field", "keys", "min", "avg", "max"), rows, List.of("keys", "min", "avg", "max"));
        }
        if (!diff.sample().isEmpty()) {
            page.raw("<h3>Sample of changed keys</h3>");
            List<List<String>> rows = new ArrayList<>();
            for (DiffSummary.SampleRow row : diff.sample()) {
                for (Map.Entry<String, List<String>> field : row.fields().entrySet()) {
                    rows.add(List.of(row.key(), field.getKey(), field.getValue().get(0), field.getValue().get(1)));
                }
                if (row.fields().isEmpty()) {
                    rows.add(List.of(row.key(), "", "", ""));
                }
            }
            page.table("sample", List.of("key", "field", "A", "B"), rows, List.of());
        }
        page.raw("</section>\n");
    }
}
