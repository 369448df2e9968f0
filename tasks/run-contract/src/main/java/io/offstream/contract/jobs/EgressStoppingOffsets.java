package io.offstream.contract.jobs;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exclusive end offset per partition of a run's egress topic: the egress job reads offsets
 * {@code [0, end)}. Written and parsed as {@code partition:offset} pairs, e.g. {@code 0:1234,1:998}.
 */
public record EgressStoppingOffsets(SortedMap<Integer, Long> byPartition) {

    public EgressStoppingOffsets {
        if (byPartition.isEmpty()) {
            throw new IllegalArgumentException("stopping offsets name no partition");
        }
        byPartition.forEach((partition, offset) -> {
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("partition and offset must be >= 0, got " + partition + ":" + offset);
            }
        });
        byPartition = Collections.unmodifiableSortedMap(new TreeMap<>(byPartition));
    }

    public static EgressStoppingOffsets of(Map<Integer, Long> byPartition) {
        return new EgressStoppingOffsets(new TreeMap<>(byPartition));
    }

    /** Parses {@code 0:1234,1:998}; an {@link IllegalArgumentException} names the bad part. */
    public static EgressStoppingOffsets parse(String text) {
        SortedMap<Integer, Long> offsets = new TreeMap<>();
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.trim().split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + pair + "' is not partition:offset");
            }
            int partition;
            long offset;
            try {
                partition = Integer.parseInt(parts[0].trim());
                offset = Long.parseLong(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + pair + "' is not partition:offset with whole numbers");
            }
            if (offsets.put(partition, offset) != null) {
                throw new IllegalArgumentException("partition " + partition + " is given twice");
            }
        }
        return new EgressStoppingOffsets(offsets);
    }

    /** Records the job will read at most: the sum of the end offsets (fewer under read_committed). */
    public long upperBoundOfRecords() {
        return byPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        byPartition.forEach((p, o) -> text.append(text.isEmpty() ? "" : ",").append(p).append(':').append(o));
        return text.toString();
    }
}
