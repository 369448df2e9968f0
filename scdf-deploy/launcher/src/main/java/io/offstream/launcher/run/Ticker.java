package io.offstream.launcher.run;

import io.offstream.launcher.LauncherException;

/** Time as the follower sees it: seconds since it started, and a pause between polls (a fake in tests). */
public interface Ticker {

    long nowSeconds();

    void sleepSeconds(long seconds);

    /** The wall clock and Thread.sleep. */
    static Ticker system() {
        long start = System.nanoTime();
        return new Ticker() {
            @Override
            public long nowSeconds() {
                return (System.nanoTime() - start) / 1_000_000_000L;
            }

            @Override
            public void sleepSeconds(long seconds) {
                try {
                    Thread.sleep(seconds * 1000L);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LauncherException("interrupted", 130);
                }
            }
        };
    }
}
