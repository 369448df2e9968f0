package io.offstream.registry.dispatch;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a job goes: the enabled, healthy region with the highest headroom; ties go to the region
 * whose name sorts first, so the choice is deterministic. None with room: empty (the job waits).
 */
public final class HeadroomPolicy {

    private static final Comparator<RegionLoad> BEST_FIRST = Comparator.comparingInt(RegionLoad::headroom).reversed()
            .thenComparing(RegionLoad::name);

    private HeadroomPolicy() {
    }

    public static Optional<RegionLoad> choose(Collection<RegionLoad> regions) {
        return regions.stream().filter(RegionLoad::canTake).min(BEST_FIRST);
    }
}
