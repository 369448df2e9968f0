package io.offstream.consumer.core.offsets;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The batches the listener container delivered and whose offsets are not yet committed, in
 * delivery order. A batch is committed (its acknowledgment runs) only once every record in it and
 * in every batch delivered before it has completed, so a commit never passes an unfinished record
 * on any partition: per partition, the batches of one consumer hold contiguous, increasing
 * offsets. A record stuck early holds back the commits of later batches, not their processing.
 */
public final class DeliveredBatches {

    /** One delivered batch: how many of its records are still open, and how to commit it. */
    public static final class Batch {

        private final int size;

        private final Runnable commit;

        private int open;

        private Batch(int size, Runnable commit) {
            this.size = size;
            this.commit = commit;
            this.open = size;
        }
    }

    private final ArrayDeque<Batch> pending = new ArrayDeque<>();

    private int uncommitted;

    private long committedBatches;

    private long deliveredBatches;

    /** Registers a delivered batch of {@code size} records; {@code commit} runs once it may be committed. */
    public synchronized Batch deliver(int size, Runnable commit) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
        Batch batch = new Batch(size, commit);
        pending.addLast(batch);
        uncommitted += size;
        deliveredBatches++;
        return batch;
    }

    /**
     * One record of {@code batch} is done (its result or dead letter acknowledged by Kafka). Runs
     * the commits that became possible, in delivery order, under this object's lock; returns whether
     * there were any (only then does the uncommitted count drop).
     */
    public synchronized boolean complete(Batch batch) {
        if (batch.open == 0) {
            throw new IllegalStateException("more completions than records in a batch");
        }
        batch.open--;
        boolean committed = false;
        while (!pending.isEmpty() && pending.peekFirst().open == 0) {
            Batch done = pending.pollFirst();
            uncommitted -= done.size;
            committedBatches++;
            done.commit.run();
            committed = true;
        }
        if (committed) {
            notifyAll();
        }
        return committed;
    }

    /** Delivered records not yet committed. */
    public synchronized int uncommitted() {
        return uncommitted;
    }

    /** How many batches were delivered so far (a mark for {@link #awaitCommitted}). */
    public synchronized long delivered() {
        return deliveredBatches;
    }

    /** Waits until the first {@code batches} delivered are committed; returns whether they are. */
    public synchronized boolean awaitCommitted(long batches, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (committedBatches < batches) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
