package io.offstream.consumer.core.timeout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Fails calls that run past the call timeout. One sweep every {@code timeout / 20} (10 ms at
 * least) over the open calls, rather than a timer per call: {@code CompletableFuture.orTimeout}
 * schedules and cancels a task on one JVM-wide timer queue, under its lock, for every call, which
 * hundreds of worker threads contend for. Open calls are bounded by the in-flight window, so a sweep
 * is short. A call fails between {@code timeout} and {@code timeout} plus one sweep interval.
 */
public final class CallDeadlines implements AutoCloseable {

    private final Duration timeout;

    private final long timeoutNanos;

    private final Map<CompletableFuture<?>, Long> open = new ConcurrentHashMap<>();

    private final ScheduledFuture<?> sweeper;

    public CallDeadlines(Duration timeout, ScheduledExecutorService scheduler) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        long interval = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeoutNanos / 20);
        this.sweeper = scheduler.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.NANOSECONDS);
    }

    /**
     * Watches {@code call}: past the timeout it fails with a {@link TimeoutException}, unless done by
     * then; {@code then} runs with its outcome (or the timeout). One callback on the call for both,
     * rather than a stage for the watch and another for what follows, since every record's call passes here.
     */
    public <T> void watch(CompletableFuture<T> call, BiConsumer<? super T, ? super Throwable> then) {
        if (call.isDone()) {
            call.whenComplete(then);
            return;
        }
        open.put(call, System.nanoTime() + timeoutNanos);
        call.whenComplete((result, error) -> {
            open.remove(call);
            then.accept(result, error);
        });
    }

    /** Calls being watched now. */
    public int open() {
        return open.size();
    }

    void sweep() {
        long now = System.nanoTime();
        open.forEach((call, deadline) -> {
            if (now - deadline >= 0) {
                call.completeExceptionally(new TimeoutException("no result within the call timeout of " + timeout));
            }
        });
    }

    @Override
    public void close() {
        sweeper.cancel(false);
    }
}
