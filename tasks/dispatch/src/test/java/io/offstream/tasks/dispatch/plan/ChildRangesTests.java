package io.offstream.tasks.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildRangesTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void thirtyDaysIntoThreeChildrenOfTenDays() {
        List<ChildRanges.Range> ranges = ChildRanges.intoChildren(JAN_1, JAN_1.plusDays(29), 3);
        assertThat(ranges).containsExactly(new ChildRanges.Range(JAN_1, LocalDate.of(2026, 1, 10)),
                new ChildRanges.Range(LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 20)),
                new ChildRanges.Range(LocalDate.of(2026, 1, 21), LocalDate.of(2026, 1, 30)));
    }

    @Test
    void unevenDaysGoToTheFirstChildren() {
        List<ChildRanges.Range> ranges = ChildRanges.intoChildren(JAN_1, JAN_1.plusDays(6), 3);
        assertThat(ranges).extracting(r -> r.to().toEpochDay() - r.from().toEpochDay() + 1).containsExactly(3L, 2L, 2L);
        assertThat(ranges.get(2).to()).isEqualTo(JAN_1.plusDays(6));
    }

    @Test
    void daysPerChildLeavesTheRestToTheLast() {
        List<ChildRanges.Range> ranges = ChildRanges.ofDays(JAN_1, JAN_1.plusDays(9), 4);
        assertThat(ranges).containsExactly(new ChildRanges.Range(JAN_1, JAN_1.plusDays(3)),
                new ChildRanges.Range(JAN_1.plusDays(4), JAN_1.plusDays(7)),
                new ChildRanges.Range(JAN_1.plusDays(8), JAN_1.plusDays(9)));
    }

    @Test
    void moreChildrenThanDaysIsRefusedWithBothNumbers() {
        assertThatThrownBy(() -> ChildRanges.intoChildren(JAN_1, JAN_1.plusDays(1), 3))
                .hasMessageContaining("offstream.dispatch.children (3)").hasMessageContaining("2 day(s)");
    }

    @Test
    void childRunKeysSortAsTheirDatesAndStayValidRunKeys() {
        assertThat(DispatchPlanner.childRunKey("r20260101-20260130-abc", 2, 12)).isEqualTo("r20260101-20260130-abc-c02of12");
        assertThatThrownBy(() -> DispatchPlanner.childRunKey("k".repeat(60), 1, 3))
                .hasMessageContaining("too long to name its children");
    }
}
