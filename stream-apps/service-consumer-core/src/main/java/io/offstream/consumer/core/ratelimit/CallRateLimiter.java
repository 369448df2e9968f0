package io.offstream.consumer.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * Caps service calls per second (Bucket4j token bucket, greedy refill). {@link #acquire()} never
 * blocks a thread: when no permit is free it returns a future that a scheduler completes once the
 * permit is due. The rate can be changed while running; 0 means unlimited. The burst allowance is
 * a tenth of a second's worth of calls, so a cap holds over short windows too.
 */
public final class CallRateLimiter {

    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private final ScheduledExecutorService scheduler;

    private final Bucket bucket;

    private final AtomicLong waits = new AtomicLong();

    private volatile long permitsPerSecond;

    public CallRateLimiter(long permitsPerSecond, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.permitsPerSecond = validated(permitsPerSecond);
        this.bucket = Bucket.builder().addLimit(bandwidth(Math.max(1, permitsPerSecond))).build();
    }

    /** A future completed when the call may proceed. */
    public CompletableFuture<Void> acquire() {
        if (permitsPerSecond == 0 || bucket.tryConsume(1)) {
            return NOW;
        }
        waits.incrementAndGet();
        return bucket.asScheduler().consume(1, scheduler);
    }

    public long permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Changes the cap while running; 0 lifts it. */
    public synchronized void setPermitsPerSecond(long newRate) {
        validated(newRate);
        if (newRate > 0) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(newRate)).build(),
                    TokensInheritanceStrategy.AS_IS);
        }
        this.permitsPerSecond = newRate;
    }

    /** How many calls had to wait for a permit. */
    public long waits() {
        return waits.get();
    }

    private static long validated(long rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0 (0 = unlimited), was " + rate);
        }
        return rate;
    }

    private static Bandwidth bandwidth(long rate) {
        long burst = Math.max(1, rate / 10);
        return Bandwidth.builder().capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)).initialTokens(burst).build();
    }
}
