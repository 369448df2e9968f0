package io.offstream.consumer.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.consumer.core.flow.BackpressureGate.Decision;
import org.junit.jupiter.api.Test;

class BackpressureGateTests {

    private final BackpressureGate gate = BackpressureGate.forCapacity(100, 0.5, 1000);

    @Test
    void pausesWhenTheWindowIsFullRecordsWaitOrTooManyAreUncommitted() {
        assertThat(gate.decide(false, true, 0, 100, 100)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, false, 3, 99, 100)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, false, 0, 10, 1000)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, false, 0, 99, 999)).isEqualTo(Decision.KEEP);
    }

    @Test
    void resumesOnlyOnceDrainedToTheThresholds() {
        assertThat(gate.decide(true, false, 0, 51, 0)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, false, 1, 10, 0)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, false, 0, 50, 501)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, false, 0, 50, 500)).isEqualTo(Decision.RESUME);
        assertThat(gate.resumeAtOrBelow()).isEqualTo(50);
    }
}
