package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

class SampleDayTests {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    @Test
    void writesExactlyTheRowsAskedWithEveryBadKindEvenlySpread() {
        SampleDay day = SampleDay.generate(42, DAY, 9_000, 0.09);
        assertThat(day.rows()).hasSize(9_000);
        assertThat(day.badCounts()).hasSize(BadRowKind.values().length).allSatisfy((kind, count) -> assertThat(count).isEqualTo(90));
        assertThat(day.acceptedKeys()).hasSize(9_000 - 810).doesNotHaveDuplicates();
    }

    @Test
    void isDeterministicForASeed() {
        SampleDay a = SampleDay.generate(7, DAY, 1_000, 0.05);
        SampleDay b = SampleDay.generate(7, DAY, 1_000, 0.05);
        SampleDay c = SampleDay.generate(8, DAY, 1_000, 0.05);
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.rows()).isNotEqualTo(c.rows());
    }

    @Test
    void duplicatesRepeatAnEarlierAcceptedKey() {
        SampleDay day = SampleDay.generate(42, DAY, 5_000, 0.09);
        var accepted = new HashSet<>(day.acceptedKeys());
        for (int i = 0; i < day.rows().size(); i++) {
            if (day.kinds().get(i) == BadRowKind.DUPLICATE_KEY) {
                assertThat(accepted).contains(day.rows().get(i).get("txn_id").toString());
            }
        }
    }
}
