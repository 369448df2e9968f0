package io.offstream.registry.web;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.offstream.registry.model.Dispatch;
import io.offstream.registry.model.DispatchState;

/**
 * A dispatch as the API shows it.
 *
 * @param placement the region's name, or {@code queued} while it waits for room
 */
public record DispatchView(long id, String region, String runKey, String childKey, @JsonRawValue String payload,
        DispatchState state, String placement, String reason, int slots, Set<String> avoidRegions, Instant createdAt,
        Instant updatedAt) {

    static DispatchView of(Dispatch d) {
        String placement = d.region() != null ? d.region() : d.state() == DispatchState.ACCEPTED ? "queued" : null;
        return new DispatchView(d.id(), d.region(), d.runKey(), d.childKey(), d.payload(), d.state(), placement, d.reason(),
                d.slots(), new TreeSet<>(d.avoidRegions()), d.createdAt(), d.updatedAt());
    }
}
