package io.offstream.registry.model;

import java.time.Instant;

/**
 * A dispatch request in the persistent queue.
 *
 * @param region the chosen region; null while it waits for room
 * @param payload the dispatcher's JSON, kept as given
 */
public record Dispatch(long id, String region, String runKey, String childKey, String payload, DispatchState state,
        String reason, Instant createdAt, Instant updatedAt) {

    public boolean isWaiting() {
        return region == null && state == DispatchState.ACCEPTED;
    }
}
