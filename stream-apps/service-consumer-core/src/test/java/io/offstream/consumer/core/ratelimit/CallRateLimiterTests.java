package io.offstream.consumer.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRateLimiterTests {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void unlimitedNeverWaits() {
        CallRateLimiter limiter = new CallRateLimiter(0, scheduler);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire()).isDone();
        }
        assertThat(limiter.waits()).isZero();
    }

    @Test
    void spacesPermitsAtTheCap() {
        CallRateLimiter limiter = new CallRateLimiter(200, scheduler);
        long start = System.nanoTime();
        CompletableFuture<?>[] permits = new CompletableFuture<?>[400];
        for (int i = 0; i < permits.length; i++) {
            permits[i] = limiter.acquire();
        }
        CompletableFuture.allOf(permits).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        // 400 permits at 200/s less the 20-permit burst: about 1.9 s
        assertThat(seconds).isGreaterThan(1.9 * 0.9).isLessThan(1.9 * 1.5); // never faster than the cap
        assertThat(limiter.waits()).isGreaterThan(300);
    }

    @Test
    void changesItsCapWhileRunning() {
        CallRateLimiter limiter = new CallRateLimiter(50, scheduler);
        limiter.setPermitsPerSecond(1000);
        long start = System.nanoTime();
        CompletableFuture<?>[] permits = new CompletableFuture<?>[500];
        for (int i = 0; i < permits.length; i++) {
            permits[i] = limiter.acquire();
        }
        CompletableFuture.allOf(permits).join();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
        limiter.setPermitsPerSecond(0);
        assertThat(limiter.acquire()).isDone();
        assertThat(limiter.permitsPerSecond()).isZero();
    }
}
