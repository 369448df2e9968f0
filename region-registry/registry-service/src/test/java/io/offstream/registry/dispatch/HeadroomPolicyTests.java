package io.offstream.registry.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeadroomPolicyTests {

    private static RegionLoad up(String name, int capMax, int active, int queued) {
        return new RegionLoad(name, true, true, capMax, active, queued);
    }

    @Test
    void theRegionWithTheMostHeadroomWins() {
        // headroom: a = 4 - (1 + 1) = 2, b = 5 - (0 + 1) = 4, c = 10 - (7 + 0) = 3
        assertThat(HeadroomPolicy.choose(List.of(up("a", 4, 1, 1), up("b", 5, 0, 1), up("c", 10, 7, 0))))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("b"));
    }

    @Test
    void tiesGoToTheRegionWhoseNameSortsFirstWhateverTheOrderGiven() {
        List<RegionLoad> tied = List.of(up("region-c", 3, 0, 0), up("region-a", 5, 2, 0), up("region-b", 4, 0, 1));
        assertThat(HeadroomPolicy.choose(tied)).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("region-a"));
        assertThat(HeadroomPolicy.choose(List.of(tied.get(2), tied.get(1), tied.get(0))))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("region-a"));
    }

    @Test
    void aDisabledRegionGetsNothingHoweverMuchRoomItHas() {
        RegionLoad disabled = new RegionLoad("big", false, true, 100, 0, 0);
        assertThat(HeadroomPolicy.choose(List.of(disabled, up("small", 2, 1, 0))))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("small"));
        assertThat(HeadroomPolicy.choose(List.of(disabled))).isEmpty();
    }

    @Test
    void anUnhealthyRegionGetsNothing() {
        RegionLoad down = new RegionLoad("down", true, false, 100, 0, 0);
        assertThat(HeadroomPolicy.choose(List.of(down, up("up", 1, 0, 0))))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("up"));
        assertThat(HeadroomPolicy.choose(List.of(down))).isEmpty();
    }

    @Test
    void noRegionWithRoomMeansTheJobWaits() {
        assertThat(HeadroomPolicy.choose(List.of(up("full", 2, 1, 1), up("over", 2, 3, 0), up("zero", 0, 0, 0)))).isEmpty();
        assertThat(HeadroomPolicy.choose(List.of())).isEmpty();
    }

    @Test
    void queuedWorkCountsAgainstHeadroomSoSuccessiveJobsSpread() {
        List<RegionLoad> loads = new java.util.ArrayList<>(List.of(up("a", 2, 0, 0), up("b", 3, 0, 0)));
        List<String> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var pick = HeadroomPolicy.choose(loads);
            if (pick.isEmpty()) {
                chosen.add("queued");
                continue;
            }
            chosen.add(pick.get().name());
            loads.replaceAll(l -> l.name().equals(pick.get().name()) ? l.withOneMoreQueued() : l);
        }
        assertThat(chosen).containsExactly("b", "a", "b", "a", "b", "queued");
    }

    @Test
    void aJobNeedingSeveralSlotsGoesOnlyWhereAllOfThemFit() {
        // headroom: a = 1, b = 2; a job of two slots cannot take a's single free slot
        List<RegionLoad> loads = List.of(up("a", 3, 2, 0), up("b", 4, 1, 1));
        assertThat(HeadroomPolicy.choose(loads, 2, java.util.Set.of())).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("b"));
        assertThat(HeadroomPolicy.choose(loads, 3, java.util.Set.of())).isEmpty();
        assertThat(up("b", 4, 1, 1).withMoreQueued(2).headroom()).isZero();
    }

    @Test
    void aRegionTheJobMustAvoidIsPassedOverForTheNextWithHeadroom() {
        List<RegionLoad> loads = List.of(up("a", 10, 0, 0), up("b", 3, 0, 0), up("c", 2, 0, 0));
        assertThat(HeadroomPolicy.choose(loads, 1, java.util.Set.of("a"))).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("b"));
        assertThat(HeadroomPolicy.choose(loads, 1, java.util.Set.of("a", "b", "c"))).isEmpty();
    }
}
