package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowestOffsetWinsTests {

    private final LowestOffsetWins dedupe = new LowestOffsetWins();

    @Test
    void keepsTheFirstReadRecordWhateverTheArrivalOrder() {
        EgressRecord early = new EgressRecord("t1", "2026-01-01", 1, 10, new byte[0]);
        EgressRecord late = new EgressRecord("t1", "2026-01-01", 1, 500, new byte[0]);
        EgressRecord otherPartition = new EgressRecord("t1", "2026-01-01", 2, 3, new byte[0]);

        assertThat(dedupe.reduce(early, late)).isSameAs(early);
        assertThat(dedupe.reduce(late, early)).isSameAs(early);
        assertThat(dedupe.reduce(otherPartition, late)).isSameAs(late);
    }
}
