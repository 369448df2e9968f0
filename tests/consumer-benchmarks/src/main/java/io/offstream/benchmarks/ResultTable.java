package io.offstream.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's figures side by side as a Markdown table: one row per stage, with how it compares and
 * the goal it is compared against. Goals are printed, never asserted: figures depend on the machine
 * and on its load.
 */
final class ResultTable {

    private final List<String> rows = new ArrayList<>();

    /** A stage that finished. */
    void add(String id, String pipeline, StageResult result, String comparison, String goal) {
        rows.add(String.format("| %s | %s | %,d | %.2f | %,.0f | %,.0f | %.1f | %s | %s |", id, pipeline, result.records(),
                result.seconds(), result.rate(), result.steadyRate(), result.cpuMicrosPerRecord(), comparison, goal));
    }

    /** A stage that did not finish: its row says why, so the others still count. */
    void addFailed(String id, String pipeline, String reason) {
        rows.add(String.format("| %s | %s | | | failed | | | %s | |", id, pipeline, reason.replace('|', '/').replace('\n', ' ')));
    }

    void print(PrintStream out) {
        out.println("| # | pipeline | records | s | records/s | records/s after the first fifth | CPU us a record | comparison"
                + " | goal |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        rows.forEach(out::println);
    }

    /** {@code actual} as a multiple of {@code reference}, e.g. "0.82x the raw pipe's best". */
    static String ratio(double actual, double reference, String ofWhat) {
        return String.format("%.2fx %s", actual / reference, ofWhat);
    }

    /** The goal "at least {@code goal}x" and whether {@code actual / reference} reaches it. */
    static String atLeast(double actual, double reference, double goal) {
        return String.format(">= %.1fx: %s", goal, actual / reference >= goal ? "met" : "not met");
    }
}
