package io.offstream.registry.web;

import java.time.Instant;

import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionStatus;

/** A region as the API shows it: its registration, health, and headroom = capMax - (active + queued). */
public record RegionView(String name, String scdfUrl, String platformAccount, String kafkaBootstrap, String capacitySource,
        boolean enabled, String health, String reason, int capMax, int active, int queued, int headroom,
        Instant createdAt, Instant updatedAt) {

    static RegionView of(RegionStatus status) {
        Region r = status.region();
        return new RegionView(r.name(), r.scdfUrl(), r.platformAccount(), r.kafkaBootstrap(), r.capacitySource(), r.enabled(),
                status.capacity().up() ? "UP" : "DOWN", status.capacity().reason(), status.capacity().capMax(),
                status.active(), status.queued(), status.headroom(), r.createdAt(), r.updatedAt());
    }
}
