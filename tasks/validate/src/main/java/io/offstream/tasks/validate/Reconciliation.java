package io.offstream.tasks.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciles a run's evidence: source = landed + rejected + dead-lettered; no key landed twice;
 * every accepted key landed or was dead-lettered; nothing landed that was not accepted. Loss up
 * to the tolerated fraction passes (default none); duplicates and unexpected keys never do. Rows
 * rejected or dead-lettered are explained, but only within their {@link ValidationBudgets budgets}.
 * The keys are compared as sorted streams ({@link KeyComparison}), in memory that does not grow with the run.
 */
public class Reconciliation {

    private final double toleratedLoss;

    private final ValidationBudgets budgets;

    private final int keysToName;

    /** Reconciles without budgets on rejected and dead-lettered rows (the other rules alone). */
    public Reconciliation(double toleratedLoss, int keysToName) {
        this(toleratedLoss, ValidationBudgets.UNLIMITED, keysToName);
    }

    public Reconciliation(double toleratedLoss, ValidationBudgets budgets, int keysToName) {
        this.toleratedLoss = toleratedLoss;
        this.budgets = budgets;
        this.keysToName = keysToName;
    }

    /**
     * @param keyFields the service's record key fields; every key below is their text, as on the topics
     * @param evidence  its sorted keys are read here, once
     */
    public ValidationReport reconcile(String runKey, String service, List<String> keyFields, RunEvidence evidence) throws IOException {
        KeyComparison keys = KeyComparison.of(evidence.acceptedKeys(), evidence.deadLettered(), evidence.landedKeys(), keysToName);
        KeyTally missing = keys.missing();
        KeyTally duplicates = keys.duplicates();
        KeyTally unexpected = keys.unexpected();
        long deadLettered = keys.deadLettered();
        long landedAccepted = keys.landedDistinct() - unexpected.count();
        long explained = landedAccepted + evidence.rejectedRows() + deadLettered;
        long unexplained = evidence.sourceRows() - explained;

        List<String> problems = new ArrayList<>();
        if (unexplained != 0) {
            problems.add(String.format("source rows %,d but landed %,d + rejected %,d + dead-lettered %,d = %,d",
                    evidence.sourceRows(), landedAccepted, evidence.rejectedRows(), deadLettered, explained));
        }
        long acceptedRows = evidence.sourceRows() - evidence.rejectedRows();
        if (keys.accepted() < acceptedRows) {
            // ingress finds repeats within a day only: fewer keys than accepted rows means keys on several days
            problems.add(String.format("ingress accepted %,d rows but only %,d distinct keys: %,d row(s) repeat a key of another"
                    + " day of the run, and a run lands one row per key (make the date part of the service's key, or run the"
                    + " days separately)", acceptedRows, keys.accepted(), acceptedRows - keys.accepted()));
        }
        else if (keys.accepted() > acceptedRows) {
            problems.add(String.format("ingress accepted %,d distinct keys and rejected %,d of %,d source rows",
                    keys.accepted(), evidence.rejectedRows(), evidence.sourceRows()));
        }
        if (!missing.isEmpty()) {
            problems.add(String.format("%,d accepted keys neither landed nor dead-lettered, first: %s", missing.count(), missing.first()));
        }
        if (!duplicates.isEmpty()) {
            problems.add(String.format("%,d keys landed more than once, first: %s", duplicates.count(), duplicates.first()));
        }
        if (!unexpected.isEmpty()) {
            problems.add(String.format("%,d landed keys were never accepted, first: %s", unexpected.count(), unexpected.first()));
        }
        List<String> brokenBudgets = budgets.broken(evidence.sourceRows(), evidence.rejectedRows(), deadLettered);
        problems.addAll(brokenBudgets);
        // Loss is what went unexplained or never landed; only it can be tolerated, never
        // duplicates, keys nobody accepted, or more rows explained than the source holds.
        long lost = Math.max(Math.max(0, unexplained), missing.count());
        boolean lossTolerated = lost <= Math.floor(toleratedLoss * evidence.sourceRows());
        boolean passed = duplicates.isEmpty() && unexpected.isEmpty() && unexplained >= 0 && lossTolerated
                && brokenBudgets.isEmpty() && (toleratedLoss > 0 || problems.isEmpty());
        return new ValidationReport(runKey, service, List.copyOf(keyFields), passed, evidence.sourceRows(),
                keys.landedRows(), keys.landedDistinct(), evidence.rejectedRows(), deadLettered, keys.accepted(), unexplained, toleratedLoss,
                evidence.rejectsByReason(), problems, missing.first(), duplicates.first(), unexpected.first(), budgets, brokenBudgets,
                null, List.of());
    }
}
