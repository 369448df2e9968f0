package io.offstream.tasks.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run left behind, gathered from each place independently.
 *
 * @param sourceRows      rows in the pinned snapshot (ingress's read count, cross-checked with the files)
 * @param rejectedRows    rows ingress rejected into the quarantine
 * @param rejectsByReason the rejected rows by reason code
 * @param acceptedKeys    distinct keys ingress published (read back from the ingress topic)
 * @param deadLettered    distinct keys on the run's DLQ
 * @param landedKeys      every landed row's key, duplicates included
 */
public record RunEvidence(long sourceRows, long rejectedRows, Map<String, Long> rejectsByReason, Set<String> acceptedKeys,
        Set<String> deadLettered, List<String> landedKeys) {
}
