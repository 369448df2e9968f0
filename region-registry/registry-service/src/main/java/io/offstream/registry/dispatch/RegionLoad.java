package io.offstream.registry.dispatch;

/**
 * One region as the headroom choice sees it: Headroom = capMax - (active + queued).
 *
 * @param queued dispatches accepted for the region and not launched
 */
public record RegionLoad(String name, boolean enabled, boolean up, int capMax, int active, int queued) {

    public int headroom() {
        return capMax - (active + queued);
    }

    /** Whether it may get work now: enabled, healthy and with room. */
    public boolean canTake() {
        return enabled && up && headroom() > 0;
    }

    public RegionLoad withOneMoreQueued() {
        return new RegionLoad(name, enabled, up, capMax, active, queued + 1);
    }
}
