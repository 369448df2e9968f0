package io.offstream.tasks.validate;

import java.io.IOException;

import io.offstream.tasks.validate.sort.SortedKeys;

/**
 * A run's accepted, dead-lettered and landed keys compared in one pass over their sorted streams (a
 * merge join), so no set of keys is ever held: only the counts and the first keys of each kind
 * that is wrong, which come out in key order.
 *
 * @param accepted       distinct keys accepted at ingress
 * @param landedRows     landed rows, duplicates included
 * @param landedDistinct distinct landed keys
 * @param deadLettered   distinct dead-lettered keys that did not land
 * @param missing        accepted keys neither landed nor dead-lettered
 * @param duplicates     keys landed more than once
 * @param unexpected     landed keys never accepted
 */
record KeyComparison(long accepted, long landedRows, long landedDistinct, long deadLettered, KeyTally missing,
        KeyTally duplicates, KeyTally unexpected) {

    static KeyComparison of(SortedKeys accepted, SortedKeys deadLettered, SortedKeys landed, int keysToName) throws IOException {
        KeyTally missing = new KeyTally(keysToName);
        KeyTally duplicates = new KeyTally(keysToName);
        KeyTally unexpected = new KeyTally(keysToName);
        long acceptedDistinct = 0;
        long landedRows = 0;
        long landedDistinct = 0;
        long deadLetteredNotLanded = 0;
        boolean moreAccepted = accepted.next();
        boolean moreDeadLettered = deadLettered.next();
        boolean moreLanded = landed.next();
        while (moreAccepted || moreDeadLettered || moreLanded) {
            byte[] key = smallest(moreAccepted ? accepted.key() : null, moreDeadLettered ? deadLettered.key() : null,
                    moreLanded ? landed.key() : null);
            boolean isAccepted = moreAccepted && SortedKeys.compare(accepted.key(), key) == 0;
            boolean isDeadLettered = moreDeadLettered && SortedKeys.compare(deadLettered.key(), key) == 0;
            boolean isLanded = moreLanded && SortedKeys.compare(landed.key(), key) == 0;
            if (isLanded) {
                landedDistinct++;
                landedRows += landed.count();
                if (landed.count() > 1) {
                    duplicates.add(landed);
                }
                if (!isAccepted) {
                    unexpected.add(landed);
                }
            }
            if (isAccepted) {
                acceptedDistinct++;
                if (!isLanded && !isDeadLettered) {
                    missing.add(accepted);
                }
            }
            if (isDeadLettered && !isLanded) {
                deadLetteredNotLanded++;
            }
            moreAccepted = isAccepted ? accepted.next() : moreAccepted;
            moreDeadLettered = isDeadLettered ? deadLettered.next() : moreDeadLettered;
            moreLanded = isLanded ? landed.next() : moreLanded;
        }
        return new KeyComparison(acceptedDistinct, landedRows, landedDistinct, deadLetteredNotLanded, missing, duplicates, unexpected);
    }

    private static byte[] smallest(byte[] a, byte[] b, byte[] c) {
        byte[] smallest = a;
        for (byte[] key : new byte[][] {b, c}) {
            if (key != null && (smallest == null || SortedKeys.compare(key, smallest) < 0)) {
                smallest = key;
            }
        }
        return smallest;
    }
}
