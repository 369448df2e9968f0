package io.offstream.tasks.validate;

import java.util.Map;

import io.offstream.tasks.validate.sort.SortedKeys;

/**
 * What a run left behind, gathered from each place independently. The keys are sorted streams
 * (spilled to disk as they were read), each read once by the reconciliation.
 *
 * @param sourceRows      rows in the pinned snapshot (ingress's read count, cross-checked with the files)
 * @param rejectedRows    rows ingress rejected into the quarantine
 * @param rejectsByReason the rejected rows by reason code
 * @param acceptedKeys    keys ingress published (read back from the ingress topic); a repeat counts once
 * @param deadLettered    keys on the run's DLQ; a repeat counts once
 * @param landedKeys      every landed row's key, with how many rows have it
 */
public record RunEvidence(long sourceRows, long rejectedRows, Map<String, Long> rejectsByReason, SortedKeys acceptedKeys,
        SortedKeys deadLettered, SortedKeys landedKeys) {
}
