package io.offstream.consumer.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.offstream.consumer.core.flow.BackpressureGate.Decision;
import org.junit.jupiter.api.Test;

class BackpressureGateTests {

    private final BackpressureGate gate = new BackpressureGate(100, 50, 1000, 500);

    @Test
    void keepsDeliveringWhileLessThanTheReadAheadWaits() {
        assertThat(gate.decide(false, 0, 0)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(false, 99, 999)).isEqualTo(Decision.KEEP);
    }

    @Test
    void pausesWhenTheReadAheadIsFullOrTooManyAreUncommitted() {
        assertThat(gate.decide(false, 100, 100)).isEqualTo(Decision.PAUSE);
        assertThat(gate.decide(false, 0, 1000)).isEqualTo(Decision.PAUSE);
    }

    @Test
    void resumesOnlyOnceDrainedToTheThresholds() {
        assertThat(gate.decide(true, 51, 0)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, 50, 501)).isEqualTo(Decision.KEEP);
        assertThat(gate.decide(true, 50, 500)).isEqualTo(Decision.RESUME);
        assertThat(gate.decide(true, 0, 0)).isEqualTo(Decision.RESUME);
    }

    @Test
    void readsAFewPollsAheadAndResumesWhileOnePollStillWaits() {
        BackpressureGate polls = BackpressureGate.forPolls(500, 0.8, 10_000);
        assertThat(polls.readAhead()).isEqualTo(BackpressureGate.POLLS_READ_AHEAD * 500);
        assertThat(polls.decide(false, polls.readAhead() - 1, 0)).isEqualTo(Decision.KEEP);
        assertThat(polls.decide(false, polls.readAhead(), 0)).isEqualTo(Decision.PAUSE);
        assertThat(polls.decide(true, 501, 0)).isEqualTo(Decision.KEEP);
        assertThat(polls.decide(true, 500, 8_000)).isEqualTo(Decision.RESUME);
        assertThat(polls.decide(true, 500, 8_001)).isEqualTo(Decision.KEEP);
    }

    @Test
    void refusesThresholdsThatCannotBeReached() {
        assertThatIllegalArgumentException().isThrownBy(() -> BackpressureGate.forPolls(0, 0.5, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> BackpressureGate.forPolls(10, 1.0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new BackpressureGate(10, 10, 100, 50));
    }
}
