package io.offstream.registry.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dispatch in the registry's persistent queue.
 *
 * @param id the registry's id
 * @param region the region it goes to; null while it waits for room
 * @param runKey the parent run
 * @param childKey the child (unique within the run)
 * @param payload what the dispatcher needs to launch it (free JSON)
 * @param state ACCEPTED, LAUNCHED, DONE or FAILED
 * @param placement the region's name, or {@code queued} while region is null
 * @param reason why it ended FAILED or was requeued, when given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dispatch(long id, String region, String runKey, String childKey, JsonNode payload, DispatchState state,
        String placement, String reason, Instant createdAt, Instant updatedAt) {

    public boolean isQueued() {
        return region == null && state == DispatchState.ACCEPTED;
    }
}
