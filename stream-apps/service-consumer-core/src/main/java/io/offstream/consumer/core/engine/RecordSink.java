package io.offstream.consumer.core.engine;

import java.util.concurrent.CompletableFuture;

/**
 * Where the pipeline's output goes, asynchronously: a future completes once Kafka has acknowledged
 * the write, or fails with why it could not be written.
 */
public interface RecordSink {

    /** Writes the service's result for {@code source} to its run's egress topic (same key, ingress headers kept). */
    CompletableFuture<?> result(InboundRecord source, byte[] value);

    /**
     * Writes {@code source} to its run's DLQ with the standard dead-letter headers (original topic,
     * partition, offset, exception class and message) and Offstream's stage and attempts.
     */
    CompletableFuture<?> deadLetter(InboundRecord source, DeadLetter reason);

    /**
     * Why a record is dead-lettered.
     *
     * @param stage {@code decode} (the value is not a request), {@code service} (the service failed or refused it)
     * @param error the failure
     * @param attempts service calls made
     */
    record DeadLetter(String stage, Throwable error, int attempts) {
    }
}
