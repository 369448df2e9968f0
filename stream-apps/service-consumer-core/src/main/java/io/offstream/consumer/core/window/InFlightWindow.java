package io.offstream.consumer.core.window;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Bounded in-flight work with per-key serial lanes. At most {@code capacity} records are admitted
 * and not yet completed (the engine completes a record once its result is handed to the producer); records of the same key run one after the other in admission order, while
 * records of different keys run concurrently, so concurrency is not limited by partitions. A
 * {@code null} key has no ordering constraint.
 *
 * <p>Tasks start on the window's executor, never on the caller's thread, so neither the poll thread
 * nor a completion callback runs service work, unless the caller names another executor.
 */
public final class InFlightWindow {

    private final Object lock = new Object();

    /** The busy keys, each with the records of it waiting to start ({@link #idleQueue} while none waits). */
    private final Map<Object, ArrayDeque<Runnable>> busyLanes = new HashMap<>();

    /** Stands for an empty queue of a busy lane; never holds a record. */
    private final ArrayDeque<Runnable> idleQueue = new ArrayDeque<>(0);

    private final Executor starter;

    private volatile int capacity;

    private int inFlight;

    private int highWaterMark;

    public InFlightWindow(int capacity, Executor starter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.starter = starter;
    }

    public int capacity() {
        return capacity;
    }

    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** The largest number of records ever in flight at once. */
    public int highWaterMark() {
        synchronized (lock) {
            return highWaterMark;
        }
    }

    public boolean hasRoom() {
        synchronized (lock) {
            return inFlight < capacity;
        }
    }

    /**
     * Admits one record: it starts now if its key's lane is idle, otherwise after the records of
     * the same key admitted before it.
     *
     * @throws IllegalStateException if the window is full
     */
    public void admit(Object key, Runnable task) {
        admit(key, task, starter);
    }

    /** {@link #admit(Object, Runnable)}, starting the task on {@code startOn} if its lane is idle. */
    public void admit(Object key, Runnable task, Executor startOn) {
        boolean startNow;
        synchronized (lock) {
            if (inFlight >= capacity) {
                throw new IllegalStateException("In-flight window full (" + capacity + ")");
            }
            inFlight++;
            highWaterMark = Math.max(highWaterMark, inFlight);
            if (key == null) {
                startNow = true;
            }
            else {
                // a lane gets its queue only once a second record of the key waits: most keys never do
                ArrayDeque<Runnable> lane = busyLanes.putIfAbsent(key, idleQueue);
                if (lane == null) {
                    startNow = true;
                }
                else {
                    if (lane == idleQueue) {
                        lane = new ArrayDeque<>(4);
                        busyLanes.put(key, lane);
                    }
                    lane.addLast(task);
                    startNow = false;
                }
            }
        }
        if (startNow) {
            startOn.execute(task);
        }
    }

    /** Frees the record's slot and starts the next record of its key, if one waits. */
    public void complete(Object key) {
        complete(key, starter);
    }

    /** {@link #complete(Object)}, starting the key's next record on {@code startOn}. */
    public void complete(Object key, Executor startOn) {
        Runnable next = null;
        synchronized (lock) {
            if (inFlight == 0) {
                throw new IllegalStateException("complete() without a record in flight");
            }
            inFlight--;
            if (key != null) {
                ArrayDeque<Runnable> lane = busyLanes.get(key);
                if (lane != null) {
                    next = lane == idleQueue ? null : lane.pollFirst();
                    if (next == null) {
                        busyLanes.remove(key);
                    }
                }
            }
            lock.notifyAll();
        }
        if (next != null) {
            startOn.execute(next);
        }
    }

    /** Waits until at most {@code level} records are in flight or the timeout passes; returns whether they are. */
    public boolean awaitInFlightAtMost(int level, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (inFlight > level) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }

    /** Waits until nothing is in flight or the timeout passes; returns whether it drained. */
    public boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }
}
