package io.offstream.registry.model;

import java.time.Instant;
import java.util.Set;

/**
 * A dispatch request in the persistent queue.
 *
 * @param region the chosen region; null while it waits for room
 * @param payload the dispatcher's JSON, kept as given
 * @param slots the task slots it holds on its region (queued, then SCDF counts them as active)
 * @param avoidRegions regions it is not placed on again (its launch failed there)
 */
public record Dispatch(long id, String region, String runKey, String childKey, String payload, DispatchState state,
        String reason, int slots, Set<String> avoidRegions, Instant createdAt, Instant updatedAt) {

    public boolean isWaiting() {
        return region == null && state == DispatchState.ACCEPTED;
    }
}
