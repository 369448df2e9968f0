package io.offstream.tasks.egress.flink;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exclusive end offset per partition of the egress topic: the job reads offsets {@code [0, end)}.
 * Written and parsed as {@code partition:offset} pairs, e.g. {@code 0:1234,1:998}.
 */
public record StoppingOffsets(Map<Integer, Long> byPartition) {

    public StoppingOffsets {
        if (byPartition.isEmpty()) {
            throw new IllegalArgumentException("stopping offsets name no partition");
        }
        byPartition.forEach((partition, offset) -> {
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException(
                        "partition and offset must be >= 0, got " + partition + ":" + offset);
            }
        });
        byPartition = Collections.unmodifiableMap(new TreeMap<>(byPartition));
    }

    /** Parses {@code 0:1234,1:998}; throws {@link IllegalArgumentException} naming the bad part. */
    public static StoppingOffsets parse(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
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
        return new StoppingOffsets(offsets);
    }

    /** Records the job will read: the sum of the end offsets (an upper bound under read_committed). */
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
