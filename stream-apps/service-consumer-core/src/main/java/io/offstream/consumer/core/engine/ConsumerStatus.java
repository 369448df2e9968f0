package io.offstream.consumer.core.engine;

import java.util.List;

/**
 * What the engine is doing, for health: its state, subscription, assignment and load.
 *
 * @param state STARTING, RUNNING, PAUSED, STOPPING, STOPPED or FAILED
 */
public record ConsumerStatus(
        String state,
        String group,
        String topicPattern,
        List<String> assignedPartitions,
        int inFlight,
        int maxInFlight,
        long rateLimit,
        int maxPollRecords,
        String failure) {
}
