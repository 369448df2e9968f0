package io.offstream.tasks.validate;

import java.util.List;
import java.util.Map;

/**
 * The outcome of reconciling a run, as written to the JSON report: the service and the fields of its
 * record key (the keys below are their texts, as on the topics), the counts, every problem in words,
 * and the first keys of each kind that is wrong; the budgets of rejected and dead-lettered rows and those
 * broken; the rows counted in the quarantine's files (null when not counted); the pinned files ingress skipped.
 */
public record ValidationReport(String runKey, String service, List<String> keyFields, boolean passed, long sourceRows,
        long landedRows, long landedDistinct, long rejectedRows, long deadLettered, long accepted, long unexplained,
        double toleratedLoss, Map<String, Long> rejectsByReason, List<String> problems, List<String> missingKeys, List<String> duplicateKeys,
        List<String> unexpectedKeys, ValidationBudgets budgets, List<String> brokenBudgets, Long quarantinedRows,
        List<String> skippedFiles) {

    /** One line for the log and the ledger. */
    public String summary() {
        return String.format("%s: source %,d = landed %,d + rejected %,d + dead-lettered %,d%s%s", passed ? "PASSED" : "FAILED",
                sourceRows, landedDistinct, rejectedRows, deadLettered,
                unexplained == 0 ? "" : String.format(" (unexplained %,d)", unexplained),
                problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    }

    /** This report failed with one more problem (found outside the reconciliation itself). */
    public ValidationReport withProblem(String problem) {
        List<String> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new ValidationReport(runKey, service, keyFields, false, sourceRows, landedRows, landedDistinct, rejectedRows,
                deadLettered, accepted, unexplained, toleratedLoss, rejectsByReason, more, missingKeys, duplicateKeys, unexpectedKeys,
                budgets, brokenBudgets, quarantinedRows, skippedFiles);
    }

    /** This report with what the files said: the quarantine's row count and the pinned files ingress skipped. */
    public ValidationReport withFiles(Long quarantinedRows, List<String> skippedFiles) {
        return new ValidationReport(runKey, service, keyFields, passed, sourceRows, landedRows, landedDistinct, rejectedRows,
                deadLettered, accepted, unexplained, toleratedLoss, rejectsByReason, problems, missingKeys, duplicateKeys, unexpectedKeys,
                budgets, brokenBudgets, quarantinedRows, List.copyOf(skippedFiles));
    }
}
