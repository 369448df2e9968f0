package io.offstream.registry.dispatch;

/**
 * One region as the headroom choice sees it: Headroom = capMax - (active + queued), all counted
 * in task slots.
 *
 * @param queued slots of the dispatches accepted for the region and not launched
 */
public record RegionLoad(String name, boolean enabled, boolean up, int capMax, int active, int queued) {

    public int headroom() {
        return capMax - (active + queued);
    }

    /** Whether it may get a job of one slot now: enabled, healthy and with room. */
    public boolean canTake() {
        return canTake(1);
    }

    /** Whether it may get a job needing {@code slots} task slots now. */
    public boolean canTake(int slots) {
        return enabled && up && headroom() >= slots;
    }

    public RegionLoad withOneMoreQueued() {
        return withMoreQueued(1);
    }

    public RegionLoad withMoreQueued(int slots) {
        return new RegionLoad(name, enabled, up, capMax, active, queued + slots);
    }
}
