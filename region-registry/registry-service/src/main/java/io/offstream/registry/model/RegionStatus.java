package io.offstream.registry.model;

/**
 * A region with what its SCDF says now and what the registry has queued and launched for it.
 *
 * @param queued slots of dispatches accepted for the region and not launched
 * @param launched slots of dispatches launched on the region and not ended
 */
public record RegionStatus(Region region, RegionCapacity capacity, int queued, int launched) {

    /**
     * What runs on the region: SCDF's running count, but never less than the slots of launched
     * dispatches. A composed run is counted by SCDF one task at a time (its runner first, its
     * child a moment later); without the floor that gap would look like room and over-fill the
     * account, and SCDF refuses launches beyond {@code maximum-concurrent-tasks}.
     */
    public int active() {
        return Math.max(capacity.active(), launched);
    }

    /** Headroom = Cap_max - (active + queued). */
    public int headroom() {
        return capacity.capMax() - (active() + queued);
    }
}
