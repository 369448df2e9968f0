package io.offstream.tasks.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciles a run's evidence: source = landed + rejected + dead-lettered; no key landed twice;
 * every accepted key landed or was dead-lettered; nothing landed that was not accepted. Loss up
 * to the tolerated fraction passes (default none); duplicates and unexpected keys never do.
 */
public class Reconciliation {

    private final double toleratedLoss;

    private final int keysToName;

    public Reconciliation(double toleratedLoss, int keysToName) {
        this.toleratedLoss = toleratedLoss;
        this.keysToName = keysToName;
    }

    /**
     * @param keyFields the service's record key fields; every key below is their text, as on the topics
     */
    public ValidationReport reconcile(String runKey, String service, List<String> keyFields, RunEvidence evidence) {
        Set<String> landed = new HashSet<>();
        TreeSet<String> duplicates = new TreeSet<>();
        for (String key : evidence.landedKeys()) {
            if (!landed.add(key)) {
                duplicates.add(key);
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (String key : evidence.acceptedKeys()) {
            if (!landed.contains(key) && !evidence.deadLettered().contains(key)) {
                missing.add(key);
            }
        }
        TreeSet<String> unexpected = new TreeSet<>();
        for (String key : landed) {
            if (!evidence.acceptedKeys().contains(key)) {
                unexpected.add(key);
            }
        }
        long deadLettered = evidence.deadLettered().stream().filter(key -> !landed.contains(key)).count();
        long explained = landed.size() - unexpected.size() + evidence.rejectedRows() + deadLettered;
        long unexplained = evidence.sourceRows() - explained;

        List<String> problems = new ArrayList<>();
        if (unexplained != 0) {
            problems.add(String.format("source rows %,d but landed %,d + rejected %,d + dead-lettered %,d = %,d",
                    evidence.sourceRows(), landed.size() - unexpected.size(), evidence.rejectedRows(), deadLettered, explained));
        }
        if (evidence.acceptedKeys().size() + evidence.rejectedRows() != evidence.sourceRows()) {
            problems.add(String.format("ingress accepted %,d distinct keys and rejected %,d of %,d source rows",
                    evidence.acceptedKeys().size(), evidence.rejectedRows(), evidence.sourceRows()));
        }
        if (!missing.isEmpty()) {
            problems.add(String.format("%,d accepted keys neither landed nor dead-lettered, first: %s", missing.size(), first(missing)));
        }
        if (!duplicates.isEmpty()) {
            problems.add(String.format("%,d keys landed more than once, first: %s", duplicates.size(), first(duplicates)));
        }
        if (!unexpected.isEmpty()) {
            problems.add(String.format("%,d landed keys were never accepted, first: %s", unexpected.size(), first(unexpected)));
        }
        // Loss is what went unexplained or never landed; only it can be tolerated, never
        // duplicates, keys nobody accepted, or more rows explained than the source holds.
        long lost = Math.max(Math.max(0, unexplained), missing.size());
        boolean lossTolerated = lost <= Math.floor(toleratedLoss * evidence.sourceRows());
        boolean passed = duplicates.isEmpty() && unexpected.isEmpty() && unexplained >= 0 && lossTolerated
                && (toleratedLoss > 0 || problems.isEmpty());
        return new ValidationReport(runKey, service, List.copyOf(keyFields), passed, evidence.sourceRows(),
                evidence.landedKeys().size(), landed.size(), evidence.rejectedRows(), deadLettered, evidence.acceptedKeys().size(), unexplained, toleratedLoss,
                evidence.rejectsByReason(), problems, first(missing), first(duplicates), first(unexpected));
    }

    private List<String> first(TreeSet<String> keys) {
        return keys.stream().limit(keysToName).toList();
    }
}
