package io.offstream.consumer.core.offsets;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The offsets of one partition that were handed out and not yet committable. Offsets are
 * registered in the order the consumer returns them and completed in any order; the committable
 * position only moves over a contiguous run of completed offsets.
 */
final class PartitionOffsets {

    private final ArrayDeque<Long> outstanding = new ArrayDeque<>();

    private final Set<Long> completedAhead = new HashSet<>();

    private long nextToCommit = -1;

    synchronized void register(long offset) {
        Long last = outstanding.peekLast();
        if ((last != null && offset <= last) || (last == null && offset < nextToCommit)) {
            throw new IllegalArgumentException("Offset " + offset + " registered out of order");
        }
        outstanding.addLast(offset);
    }

    synchronized void complete(long offset) {
        Long head = outstanding.peekFirst();
        if (head == null || offset < head) {
            return; // unknown or already committable: a late duplicate completion
        }
        if (offset != head) {
            completedAhead.add(offset);
            return;
        }
        outstanding.pollFirst();
        nextToCommit = offset + 1;
        while (!outstanding.isEmpty() && completedAhead.remove(outstanding.peekFirst())) {
            nextToCommit = outstanding.pollFirst() + 1;
        }
    }

    /** The offset to commit (last contiguous completed + 1), or -1 when nothing completed yet. */
    synchronized long nextToCommit() {
        return nextToCommit;
    }

    synchronized int pending() {
        return outstanding.size();
    }
}
