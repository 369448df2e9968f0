package io.offstream.tasks.lagwait;

import java.util.Map;

/** Reads how far a consumer group got on a topic. */
public interface CommittedOffsets {

    /** Committed offset per partition of {@code topic} for {@code group}; absent partitions have none. */
    Map<Integer, Long> committed(String group, String topic);

    /**
     * Whether the offsets {@code [from, to)} of a partition hold no record a read_committed consumer
     * would see: only transaction markers or aborted records, which a consumer never processes and
     * so may never commit past.
     */
    boolean onlyMarkersBetween(String topic, int partition, long from, long to);
}
