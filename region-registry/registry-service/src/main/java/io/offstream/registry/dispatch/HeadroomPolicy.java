package io.offstream.registry.dispatch;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Where a job goes: the enabled, healthy region with the highest headroom that has room for the
 * job's slots and is not one the job must avoid; ties go to the region whose name sorts first,
 * so the choice is deterministic. None: empty (the job waits).
 */
public final class HeadroomPolicy {

    private static final Comparator<RegionLoad> BEST_FIRST = Comparator.comparingInt(RegionLoad::headroom).reversed()
            .thenComparing(RegionLoad::name);

    private HeadroomPolicy() {
    }

    public static Optional<RegionLoad> choose(Collection<RegionLoad> regions) {
        return choose(regions, 1, Set.of());
    }

    public static Optional<RegionLoad> choose(Collection<RegionLoad> regions, int slots, Set<String> avoid) {
        return regions.stream().filter(r -> r.canTake(slots) && !avoid.contains(r.name())).min(BEST_FIRST);
    }
}
