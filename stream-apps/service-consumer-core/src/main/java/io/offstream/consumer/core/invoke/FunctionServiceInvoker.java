package io.offstream.consumer.core.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-process mode: the service's own entry point (a {@code Function} of request to result) called
 * on a fixed pool of worker threads. The in-flight window bounds what is queued for the pool.
 */
public final class FunctionServiceInvoker<I, O> implements ServiceInvoker<I, O> {

    private final Function<I, O> service;

    private final ExecutorService workers;

    public FunctionServiceInvoker(Function<I, O> service, int workerThreads) {
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be >= 1");
        }
        this.service = service;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "offstream-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // a fixed pool (strictly first in, first out) on a lock-free queue: the workers hand each other the next
        // record's call on every result, and a LinkedBlockingQueue's locks made a twentieth of a no-op
        // service's time
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedTransferQueue<>(), threads);
    }

    @Override
    public CompletableFuture<O> invoke(I request) {
        // a plain task rather than supplyAsync, whose task is a ForkJoinTask with a CAS on its status
        CompletableFuture<O> call = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                call.complete(service.apply(request));
            }
            catch (Throwable e) {
                call.completeExceptionally(e);
            }
        });
        return call;
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }
}
