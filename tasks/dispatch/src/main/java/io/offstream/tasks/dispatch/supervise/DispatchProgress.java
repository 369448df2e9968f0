package io.offstream.tasks.dispatch.supervise;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.tasks.support.batch.PhaseLog;
import io.offstream.tasks.support.ledger.ChildStatus;
import io.offstream.tasks.support.ledger.DispatchChild;

/** Logs where the children are (on change, and every 30 s): passed days, rate, time left, who runs where. */
final class DispatchProgress {

    private static final Logger log = LoggerFactory.getLogger(DispatchProgress.class);

    private static final long EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final String runKey;

    private final long startedNanos;

    private String lastSummary;

    private long lastLoggedNanos;

    DispatchProgress(String runKey, long startedNanos) {
        this.runKey = runKey;
        this.startedNanos = startedNanos;
    }

    void report(List<DispatchChild> children) {
        String summary = summary(children);
        long now = System.nanoTime();
        if (!summary.equals(lastSummary) || now - lastLoggedNanos >= EVERY_NANOS) {
            int days = children.stream().mapToInt(DispatchChild::days).sum();
            int passedDays = children.stream().filter(c -> c.status() == ChildStatus.PASSED).mapToInt(DispatchChild::days).sum();
            Duration elapsed = Duration.ofNanos(now - startedNanos);
            String eta = passedDays == 0 || passedDays >= days ? "-"
                    : PhaseLog.formatDuration(Duration.ofMillis(elapsed.toMillis() * (days - passedDays) / passedDays));
            log.info("dispatch {}: {}; days passed {}/{}, {} elapsed, about {} left", runKey, summary, passedDays, days,
                    PhaseLog.formatDuration(elapsed), eta);
            lastSummary = summary;
            lastLoggedNanos = now;
        }
    }

    /** e.g. {@code PASSED 1, LAUNCHED 2 [c2of3@region-a, c3of3@region-b]}. */
    String summary(List<DispatchChild> children) {
        Map<ChildStatus, Long> byStatus = new TreeMap<>(children.stream()
                .collect(Collectors.groupingBy(DispatchChild::status, Collectors.counting())));
        String counts = byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String running = children.stream().filter(c -> c.status() == ChildStatus.LAUNCHED)
                .map(c -> c.childRunKey().substring(runKey.length() + 1) + "@" + c.region()).collect(Collectors.joining(", "));
        return running.isEmpty() ? counts : counts + " [" + running + "]";
    }
}
