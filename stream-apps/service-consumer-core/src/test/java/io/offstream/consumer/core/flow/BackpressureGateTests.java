package io.offstream.consumer.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.consumer.core.flow.BackpressureGate.Decision;
import org.junit.jupiter.api.Test;

class BackpressureGateTests {

    private final BackpressureGate gate = BackpressureGate.forCapacity(100, 0.5);

    @Test
    void pausesWhenTheWindowIsFullOrRecordsWait() {
        assertThat(gate.decide(false, true, 0, 100)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, false, 3, 99)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, false, 0, 99)).isEqualTo(Decision.KEEP);
    }

    @Test
    void resumesOnlyOnceDrainedToTheThreshold() {
        assertThat(gate.decide(true, false, 0, 51)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, false, 1, 10)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, false, 0, 50)).isEqualTo(Decision.RESUME);
        assertThat(gate.resumeAtOrBelow()).isEqualTo(50);
    }
}
