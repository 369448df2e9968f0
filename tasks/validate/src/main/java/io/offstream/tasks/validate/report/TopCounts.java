package io.offstream.tasks.validate.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts by label in bounded memory: at most {@code capacity} distinct labels are kept; what comes
 * under any further label is counted as {@link #OTHER}. A report shows the largest few and sums the rest.
 */
public final class TopCounts {

    /** The label of what is not shown (or not kept) on its own. */
    public static final String OTHER = "other";

    private final int capacity;

    private final Map<String, Long> counts = new HashMap<>();

    private long other;

    public TopCounts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts {@code n} more under {@code label}, or under {@link #OTHER} when the labels kept are full. */
    public void add(String label, long n) {
        if (counts.containsKey(label) || counts.size() < capacity) {
            counts.merge(label, n, Long::sum);
        }
        else {
            other += n;
        }
    }

    public boolean contains(String label) {
        return counts.containsKey(label);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && other == 0;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum() + other;
    }

    /** The {@code n} largest counts, largest first (ties by label), then {@link #OTHER} with the rest when there is any. */
    public Map<String, Long> top(int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        long rest = other;
        int shown = 0;
        for (Map.Entry<String, Long> e : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList()) {
            if (shown++ < n) {
                top.put(e.getKey(), e.getValue());
            }
            else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            top.merge(OTHER, rest, Long::sum);
        }
        return top;
    }
}
