package io.offstream.launcher.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.contract.layout.RunLayout;
import io.offstream.launcher.Console;

/**
 * What a run left under the landing root, printed for the user: validation reports (in full, or one
 * line per child run), a simulation's diff summary, and where the run report and the landed rows are.
 * Paths come from the run contract's {@link RunLayout}, never built here.
 */
public final class RunReports {

    private final URI landing;

    private final LandingFiles files;

    private final Console console;

    private final ObjectMapper json;

    /** A landing root on this machine's disk. */
    public RunReports(Path landing, Console console, ObjectMapper json) {
        this(landing.toUri(), LandingFiles.local(), console, json);
    }

    /** A landing root anywhere the given files can read (HDFS in cluster mode). */
    public RunReports(URI landing, LandingFiles files, Console console, ObjectMapper json) {
        this.landing = landing;
        this.files = files;
        this.console = console;
        this.json = json;
    }

    public RunLayout layout(String service, String runKey) {
        return new RunLayout(landing, service, runKey);
    }

    /** A layout URI as scripts print it: file: URIs as plain paths (keeping a directory's trailing slash). */
    public static String display(URI uri) {
        return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
    }

    /**
     * Prints one side's validation report in full, then where its run report and landed rows are.
     *
     * @return whether the report is there and says passed
     */
    public boolean printValidation(String side, String runKey) {
        RunLayout layout = layout(side, runKey);
        String report = display(layout.validationReport());
        Optional<JsonNode> read = read(layout.validationReport());
        boolean passed;
        if (read.isPresent()) {
            console.say("validation report of " + side + " (" + report + "):");
            console.print(pretty(read.get()));
            passed = read.get().path("passed").asBoolean(false);
        }
        else {
            passed = false;
            console.say("no validation report at " + report + ": the run stopped before validating " + side
                    + " (see the dashboard's task executions)");
        }
        console.say("run report of " + side + ": " + display(layout.reportDirectory()) + "index.html");
        console.say("landed results of " + side + ": " + display(layout.runDirectory()) + " (query them: " + sqlCommand() + " \"SELECT dt, count(*) FROM "
                + side.replace('-', '_') + " WHERE run = '" + runKey + "' GROUP BY dt\")");
        return passed;
    }

    /** sql.sh, told where the landing is when it is not the local default. */
    private String sqlCommand() {
        return "file".equals(landing.getScheme()) ? "scdf-deploy/local/sql.sh" : "OFFSTREAM_LANDING=" + landing + " scdf-deploy/local/sql.sh";
    }

    /** The query that counts the run's rejected rows by reason. */
    public void printRejectedQuery(String service, String runKey) {
        console.say("rejected rows by reason: " + sqlCommand() + " \"SELECT reason_code, reason_field, count(*) FROM quarantine_"
                + service.replace('-', '_') + " WHERE run = '" + runKey + "' GROUP BY 1, 2\"");
    }

    /**
     * One line for a multi-region child run's validation report.
     *
     * @return whether it is there and passed
     */
    public boolean printChildValidation(String service, String childRunKey) {
        Optional<JsonNode> report = read(layout(service, childRunKey).validationReport());
        if (report.isEmpty()) {
            return false;
        }
        JsonNode r = report.get();
        boolean passed = r.path("passed").asBoolean(false);
        console.say("  " + String.format(Locale.ROOT, "%s: %s, source %d, landed %d, rejected %d, dead-lettered %d", r.path("runKey").asText(),
                passed ? "PASSED" : "FAILED", r.path("sourceRows").asLong(), r.path("landedDistinct").asLong(), r.path("rejectedRows").asLong(),
                r.path("deadLettered").asLong()));
        return passed;
    }

    /**
     * A simulation's diff: counts, the fields that changed most, where the changed rows are.
     *
     * @return whether the diff is there
     */
    public boolean printDiff(String service, String candidate, String runKey) {
        URI diff = layout(service, runKey).diffDirectory();
        String summary = display(diff) + "summary.json";
        Optional<JsonNode> read = read(diff.resolve("summary.json"));
        if (read.isEmpty()) {
            console.say("no diff at " + summary + ": the run stopped before diff (see the dashboard's task executions)");
            return false;
        }
        JsonNode d = read.get();
        console.say(service + " against " + candidate + " (" + summary + "):");
        console.say("  " + String.format(Locale.ROOT, "identical %d, changed %d, only in %s %d, only in %s %d", d.path("identical").asLong(),
                d.path("changed").asLong(), service, d.path("onlyA").asLong(), candidate, d.path("onlyB").asLong()));
        console.say("  changed keys per field: " + changedFields(d.path("fields")));
        console.say("  changed rows (Parquet, both values of each field): " + display(diff) + "changed/");
        return true;
    }

    /** {@code field n, ...}, most changed first (ties in the report's order), fields that never changed left out. */
    static String changedFields(JsonNode fields) {
        List<Map.Entry<String, JsonNode>> changed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().asLong() != 0) {
                changed.add(field);
            }
        }
        changed.sort(Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> e.getValue().asLong()).reversed());
        return String.join(", ", changed.stream().map(e -> e.getKey() + " " + e.getValue().asLong()).toList());
    }

    /** The report as {@code python3 -m json.tool} printed it: four spaces a level. */
    String pretty(JsonNode report) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        try {
            return json.writer(printer).writeValueAsString(report);
        }
        catch (IOException e) {
            return report.toString();
        }
    }

    private Optional<JsonNode> read(URI file) {
        Optional<String> text = files.read(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(text.get()));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
