package io.offstream.registry.client;

import java.time.Instant;
import java.util.Set;

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
 * @param slots the task slots it holds on its region
 * @param avoidRegions regions it is not placed on again (it was requeued from them as failed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dispatch(long id, String region, String runKey, String childKey, JsonNode payload, DispatchState state,
        String placement, String reason, int slots, Set<String> avoidRegions, Instant createdAt, Instant updatedAt) {

    public Dispatch {
        avoidRegions = avoidRegions == null ? Set.of() : Set.copyOf(avoidRegions);
    }

    public boolean isQueued() {
        return region == null && state == DispatchState.ACCEPTED;
    }
}
