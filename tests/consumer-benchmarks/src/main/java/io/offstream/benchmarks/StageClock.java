package io.offstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one stage the same way for every consumer: from the first record it processes (group join,
 * assignment and start-up excluded) to the moment the last of its results is acknowledged by Kafka.
 * It also marks when a fifth of the results are in: the rest of the stage is its steady state, after
 * the code of a consumer started in this JVM is compiled (the app's first seconds run interpreted).
 * It reads the JVM's CPU time at the same two moments: broker, consumer and service share this JVM,
 * so CPU time per record is what a stage costs, and it moves far less with the machine's other load
 * than the rate does. Thread-safe: workers, callbacks and pollers report to it concurrently.
 */
final class StageClock {

    private final long expected;

    private final AtomicBoolean started = new AtomicBoolean();

    private final AtomicLong done = new AtomicLong();

    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile long startNanos;

    private volatile long endNanos;

    private volatile long startCpuNanos;

    private volatile long endCpuNanos;

    private final long warmMark;

    private final AtomicLong warmNanos = new AtomicLong();

    private volatile long warmDone;

    StageClock(long expected) {
        this.expected = expected;
        this.warmMark = Math.max(1, expected / 5);
    }

    /** A record is being processed; only the first call counts. */
    void started() {
        if (!started.get() && started.compareAndSet(false, true)) {
            startNanos = System.nanoTime();
            startCpuNanos = processCpuNanos();
        }
    }

    /** {@code count} more results were acknowledged. */
    void completed(long count) {
        long now = done.addAndGet(count);
        if (now >= warmMark && warmNanos.get() == 0 && warmNanos.compareAndSet(0, System.nanoTime())) {
            warmDone = now;
        }
        if (now >= expected && finished.getCount() > 0) {
            synchronized (this) {
                if (finished.getCount() > 0) {
                    endNanos = System.nanoTime();
                    endCpuNanos = processCpuNanos();
                    finished.countDown();
                }
            }
        }
    }

    long completed() {
        return done.get();
    }

    boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** Waits for the last result and times the stage; fails if it does not come in time. */
    StageResult await(String stage, Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(stage + ": only " + done.get() + " of " + expected + " results after " + timeout);
        }
        return result(stage);
    }

    /** The stage's figures once every result is in. */
    StageResult result(String stage) {
        if (!isFinished()) {
            throw new IllegalStateException(stage + ": only " + done.get() + " of " + expected + " results");
        }
        return new StageResult(stage, expected, (endNanos - startNanos) / 1e9, expected - warmDone,
                (endNanos - warmNanos.get()) / 1e9, (endCpuNanos - startCpuNanos) / 1e9);
    }

    /** CPU time of every thread of this JVM so far; 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
