package io.offstream.registry.model;

/** A region with what its SCDF says now and what the registry has queued for it. */
public record RegionStatus(Region region, RegionCapacity capacity, int queued) {

    /** Headroom = Cap_max - (active + queued). */
    public int headroom() {
        return capacity.capMax() - (capacity.active() + queued);
    }
}
