package io.offstream.tasks.lagwait;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Waits until a consumer group has committed every offset the ingress phase recorded for the
 * run's ingress topic, judged against those recorded end offsets rather than the live end of
 * the log (later writes to the topic are not this run's). A partition whose only uncommitted
 * offsets hold transaction markers (or aborted records) counts as drained: a read_committed
 * consumer never sees them, so it may never commit past them.
 *
 * <p>The run counts as drained as soon as nothing remains (the consumer commits an offset only
 * once its result is written), or once nothing has remained for a quiet window if one is set; the wait fails
 * when committed offsets stop advancing for the stall timeout, or the maximum wait passes.
 */
public class DrainMonitor {

    /**
     * Only a small gap that did not move since the last poll is checked for markers: a consumer
     * still working moves, and a run's trailing markers are one per open transaction.
     */
    static final long MARKER_GAP = 16;

    private final CommittedOffsets offsets;

    private final LagWaitProperties settings;

    private final Consumer<DrainProgress> progress;

    /** The newest poll's progress, for a sampler on another thread; null before the first poll. */
    private volatile DrainProgress latest;

    public DrainMonitor(CommittedOffsets offsets, LagWaitProperties settings, Consumer<DrainProgress> progress) {
        this.offsets = offsets;
        this.settings = settings;
        this.progress = progress;
    }

    /** Blocks until drained; returns the last progress (remaining 0). */
    public DrainProgress await(String group, String topic, Map<Integer, Long> endOffsets) throws InterruptedException {
        long total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
        long start = System.nanoTime();
        long lastAdvance = start;
        long lastReport = start - settings.progressInterval().toNanos();
        Long drainedSince = null;
        long doneAtStart = -1;
        long lastDone = -1;
        Map<Integer, Long> markerOnlyFrom = new HashMap<>();
        Map<Integer, Long> previous = new HashMap<>();
        while (true) {
            Map<Integer, Long> committed = offsets.committed(group, topic);
            Map<Integer, Long> remaining = new TreeMap<>();
            long done = 0;
            for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
                int partition = end.getKey();
                long at = Math.min(end.getValue(), committed.getOrDefault(partition, 0L));
                long left = end.getValue() - at;
                boolean stuck = previous.containsKey(partition) && previous.get(partition) == at;
                previous.put(partition, at);
                if (left > 0 && left <= MARKER_GAP && stuck && onlyMarkersLeft(topic, partition, at, end.getValue(), markerOnlyFrom)) {
                    left = 0;
                    at = end.getValue();
                }
                done += at;
                if (left > 0) {
                    remaining.put(partition, left);
                }
            }
            long now = System.nanoTime();
            if (doneAtStart < 0) {
                doneAtStart = done;
            }
            if (done > lastDone) {
                lastAdvance = now;
                lastDone = done;
            }
            long left = remaining.values().stream().mapToLong(Long::longValue).sum();
            Duration elapsed = Duration.ofNanos(now - start);
            double rate = (done - doneAtStart) / Math.max(0.001, elapsed.toMillis() / 1000.0);
            DrainProgress current = new DrainProgress(group, topic, left, total, rate, elapsed);
            latest = current;
            if (left == 0) {
                drainedSince = drainedSince == null ? now : drainedSince;
                if (now - drainedSince >= settings.quietWindow().toNanos()) {
                    progress.accept(current);
                    return current;
                }
            }
            else {
                drainedSince = null;
                if (now - lastAdvance > settings.stallTimeout().toNanos()) {
                    throw new DrainFailedException("Group " + group + " has not committed anything on " + topic + " for "
                            + settings.stallTimeout() + " with " + left + " records remaining (by partition " + remaining
                            + "): is the service consumer running?");
                }
            }
            if (elapsed.compareTo(settings.maxWait()) > 0) {
                throw new DrainFailedException("Run on " + topic + " not drained within offstream.lag-wait.max-wait "
                        + settings.maxWait() + ": " + left + " of " + total + " records remaining (by partition " + remaining + ")");
            }
            if (now - lastReport >= settings.progressInterval().toNanos()) {
                progress.accept(current);
                lastReport = now;
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    /** Where the drain stood at its newest poll; empty before the first. */
    public Optional<DrainProgress> latest() {
        return Optional.ofNullable(latest);
    }

    /** Checks each stuck position once: markers stay markers, so the answer is cached per position. */
    private boolean onlyMarkersLeft(String topic, int partition, long from, long to, Map<Integer, Long> markerOnlyFrom) {
        Long known = markerOnlyFrom.get(partition);
        if (known != null && known == from) {
            return true;
        }
        if (offsets.onlyMarkersBetween(topic, partition, from, to)) {
            markerOnlyFrom.put(partition, from);
            return true;
        }
        return false;
    }
}
