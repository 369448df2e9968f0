package io.offstream.consumer.core.invoke;

import java.util.concurrent.CompletableFuture;

/**
 * One call of the hosted service. Implementations never block the caller: the in-process
 * invoker runs the service's function on a worker pool, the remote one sends an asynchronous
 * HTTP request. A failed future carries the service's exception.
 */
@FunctionalInterface
public interface ServiceInvoker<I, O> extends AutoCloseable {

    CompletableFuture<O> invoke(I request);

    @Override
    default void close() {
    }
}
