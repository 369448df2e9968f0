package io.offstream.consumer.core.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * Contiguous completed offsets per partition. The listener thread registers each record as it is
 * delivered, with the action that commits through it; any thread completes it once its result (or
 * DLQ record) is acknowledged by Kafka. An offset is committed only when every record at or before
 * it has completed, so a crash never skips an unfinished record.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, PartitionOffsets> partitions = new ConcurrentHashMap<>();

    public void register(TopicPartition partition, long offset) {
        register(partition, offset, () -> { });
    }

    /** Registers a record; {@code commitThrough} runs once it and every record before it have completed. */
    public void register(TopicPartition partition, long offset, Runnable commitThrough) {
        partitions.computeIfAbsent(partition, p -> new PartitionOffsets()).register(offset, commitThrough);
    }

    public void complete(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.get(partition);
        if (offsets != null) {
            offsets.complete(offset);
        }
    }

    /** Per tracked partition, the offset to commit; partitions with nothing completed are left out. */
    public Map<TopicPartition, Long> committable() {
        Map<TopicPartition, Long> result = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            long next = offsets.nextToCommit();
            if (next >= 0) {
                result.put(partition, next);
            }
        });
        return result;
    }

    /** Whether the partition was seen and has no registered record still outstanding. */
    public boolean isDrained(TopicPartition partition) {
        PartitionOffsets offsets = partitions.get(partition);
        return offsets != null && offsets.pending() == 0;
    }

    /** Records registered and not yet completed, over all partitions. */
    public int pending() {
        return partitions.values().stream().mapToInt(PartitionOffsets::pending).sum();
    }

    /** Forgets partitions this consumer no longer owns; later completions for them are ignored. */
    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
