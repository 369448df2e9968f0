package io.offstream.consumer.core.polling;

import java.time.Duration;
import java.util.Arrays;

/** The latest service latencies (a fixed ring), for a p99 that follows the service as it changes. */
public final class LatencyRecorder {

    private final long[] ring;

    private long count;

    public LatencyRecorder(int size) {
        this.ring = new long[size];
    }

    public synchronized void record(long nanos) {
        ring[(int) (count++ % ring.length)] = nanos;
    }

    public synchronized long count() {
        return count;
    }

    /** The quantile of the recorded latencies, or {@code fallback} before any was recorded. */
    public Duration quantile(double q, Duration fallback) {
        long[] copy;
        synchronized (this) {
            if (count == 0) {
                return fallback;
            }
            copy = Arrays.copyOf(ring, (int) Math.min(count, ring.length));
        }
        Arrays.sort(copy);
        int index = (int) Math.min(copy.length - 1, Math.ceil(q * copy.length) - 1);
        return Duration.ofNanos(copy[Math.max(0, index)]);
    }
}
