package io.offstream.dataflow.server.lost;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Since when each execution's process has been seen gone, in this server's own sightings: one
 * sighting proves little (a launcher may not know a process for a moment), a process still gone
 * after the grace does.
 */
class GoneWatch {

    private final Map<String, Long> goneSince = new HashMap<>();

    private final LongSupplier nanoTime;

    GoneWatch(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Records a sighting; how long the process has been seen gone without a break. */
    Duration seenGone(String execution) {
        long now = nanoTime.getAsLong();
        return Duration.ofNanos(now - goneSince.computeIfAbsent(execution, key -> now));
    }

    /** Forgets every execution not seen gone in the last sweep: one seen alive (or ended) starts over. */
    void keepOnly(Set<String> seenGone) {
        goneSince.keySet().retainAll(seenGone);
    }

    void forget(String execution) {
        goneSince.remove(execution);
    }
}
