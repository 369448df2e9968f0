package io.offstream.consumer.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on the calling thread without nesting them: a task handed over while another runs on
 * the same thread runs after it, in the same loop.
 *
 * <p>Why: a service call that finishes before its callbacks are registered runs them on the thread
 * that started it, and those callbacks write the result and start the next record, on that thread.
 * Run directly, a fast service nested one level per record until the stack overflowed; the error,
 * swallowed by the call's future, left a record admitted and never started, and its slot was never
 * freed: once enough of them leaked, delivery paused for good.
 */
final class Trampoline implements Executor {

    private static final Logger log = LoggerFactory.getLogger(Trampoline.class);

    /** The tasks waiting for the loop running on this thread; null while none runs. */
    private final ThreadLocal<ArrayDeque<Runnable>> queued = new ThreadLocal<>();

    @Override
    public void execute(Runnable task) {
        ArrayDeque<Runnable> later = queued.get();
        if (later != null) {
            later.addLast(task);
            return;
        }
        later = new ArrayDeque<>();
        queued.set(later);
        try {
            for (Runnable next = task; next != null; next = later.pollFirst()) {
                try {
                    next.run();
                }
                catch (RuntimeException e) {
                    // the others queued here are other records: they still start
                    log.error("A record's start failed", e);
                }
            }
        }
        finally {
            queued.remove();
        }
    }
}
