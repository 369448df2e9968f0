package io.offstream.consumer.core.offsets;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The offsets of one partition that were handed out and not yet committable. Offsets are
 * registered in the order the consumer returns them and completed in any order; the committable
 * position only moves over a contiguous run of completed offsets. Each offset carries the action
 * that commits through it (the listener container's acknowledgment of that record); it runs, under
 * this partition's lock so commits stay in offset order, when the position moves past it.
 */
final class PartitionOffsets {

    private record Outstanding(long offset, Runnable commitThrough) {
    }

    private final ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();

    private final Set<Long> completedAhead = new HashSet<>();

    private long nextToCommit = -1;

    synchronized void register(long offset, Runnable commitThrough) {
        Outstanding last = outstanding.peekLast();
        if ((last != null && offset <= last.offset()) || (last == null && offset < nextToCommit)) {
            throw new IllegalArgumentException("Offset " + offset + " registered out of order");
        }
        outstanding.addLast(new Outstanding(offset, commitThrough));
    }

    synchronized void complete(long offset) {
        Outstanding head = outstanding.peekFirst();
        if (head == null || offset < head.offset()) {
            return; // unknown or already committable: a late duplicate completion
        }
        if (offset != head.offset()) {
            completedAhead.add(offset);
            return;
        }
        Outstanding through = outstanding.pollFirst();
        while (!outstanding.isEmpty() && completedAhead.remove(outstanding.peekFirst().offset())) {
            through = outstanding.pollFirst();
        }
        nextToCommit = through.offset() + 1;
        through.commitThrough().run();
    }

    /** The offset to commit (last contiguous completed + 1), or -1 when nothing completed yet. */
    synchronized long nextToCommit() {
        return nextToCommit;
    }

    synchronized int pending() {
        return outstanding.size();
    }
}
