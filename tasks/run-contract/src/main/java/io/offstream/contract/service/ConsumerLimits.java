package io.offstream.contract.service;

import java.time.Duration;

/**
 * How hard the consumer may press the service, from the descriptor's {@code consumer} section.
 *
 * @param maxInFlight records in flight at most
 * @param rateLimitPerSecond service calls per second; 0 = unlimited
 * @param maxAttempts calls per record, the first included, before it is dead-lettered
 * @param callTimeout how long one call may take
 * @param workers threads that run an in-process function's calls; 0 = one per call in flight. A
 *        service that waits (a database, a remote call) needs one per call it waits on; one that
 *        only computes needs about one per core, and more only switch between each other
 */
public record ConsumerLimits(int maxInFlight, long rateLimitPerSecond, int maxAttempts, Duration callTimeout, int workers) {

    public static final ConsumerLimits DEFAULTS = new ConsumerLimits(256, 0, 4, Duration.ofSeconds(10), 0);
}
