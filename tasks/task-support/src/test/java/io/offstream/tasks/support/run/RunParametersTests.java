package io.offstream.tasks.support.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RunParametersTests {

    @Test
    void derivesTheSameKeyForTheSameParameters() {
        RunParameters a = RunParameters.resolve("/data/transactions", "2026-01-01", "2026-01-07", "risk", null, "/landing");
        RunParameters b = RunParameters.resolve("file:///data/transactions/", "2026-01-01", "2026-01-07", "risk", " ", "/other");
        assertThat(a.runKey()).isEqualTo(b.runKey()).matches(io.offstream.contract.naming.Names.RUN_KEY_PATTERN).startsWith("r20260101-20260107-");
        assertThat(a.dates()).hasSize(7).first().isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void derivesADifferentKeyForAnotherService() {
        RunParameters a = RunParameters.resolve("/data/t", "2026-01-01", "2026-01-02", "risk", null, "/l");
        RunParameters b = RunParameters.resolve("/data/t", "2026-01-01", "2026-01-02", "fraud", null, "/l");
        assertThat(a.runKey()).isNotEqualTo(b.runKey());
    }

    @Test
    void keepsAGivenKeyAndNamesTopicsAndQuarantineAfterIt() {
        RunParameters p = RunParameters.resolve("/data/t", "2026-01-01", "2026-01-02", "risk", "nightly-7", "file:///l");
        assertThat(p.topics().ingress()).isEqualTo("offstream.risk.nightly-7.ingress");
        assertThat(p.topics().all()).containsExactly("offstream.risk.nightly-7.ingress", "offstream.risk.nightly-7.egress",
                "offstream.risk.nightly-7.dlq");
        assertThat(p.layout().quarantine().toString()).isEqualTo("file:///l/_quarantine/risk/run=nightly-7/");
    }

    @Test
    void namesEveryProblemAtOnce() {
        assertThatThrownBy(() -> RunParameters.resolve(null, "2026-02-01", "2026-01-01", "Risk Service", "a.b", "/l"))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessageContaining("offstream.run.dataset is required")
                .hasMessageContaining("is after offstream.run.to")
                .hasMessageContaining("offstream.run.service 'Risk Service'")
                .hasMessageContaining("offstream.run.key 'a.b'");
        assertThatThrownBy(() -> RunParameters.resolve("/d", "yesterday", null, "risk", null, "/l"))
                .hasMessageContaining("offstream.run.from 'yesterday' is not a date")
                .hasMessageContaining("offstream.run.to is required");
    }

    @Test
    void aSimulationIsItsOwnRunWithOneIngressTopicAndOneSidePerVersion() {
        RunParameters plain = RunParameters.resolve("/data/t", "2026-01-01", "2026-01-02", "risk", null, "file:///l");
        RunParameters sim = RunParameters.resolve("/data/t", "2026-01-01", "2026-01-02", "risk", null, "file:///l", "risk-candidate");
        assertThat(sim.runKey()).isNotEqualTo(plain.runKey());
        assertThat(sim.sameRunAs(plain)).isFalse();
        assertThat(sim.simulation()).isTrue();
        RunSide baseline = sim.side(RunSide.Which.BASELINE);
        RunSide candidate = sim.side(RunSide.Which.CANDIDATE);
        assertThat(candidate.topics().ingress()).isEqualTo(baseline.topics().ingress())
                .isEqualTo("offstream.risk." + sim.runKey() + ".ingress.risk-candidate");
        assertThat(candidate.topics().egress()).isEqualTo("offstream.risk-candidate." + sim.runKey() + ".egress");
        assertThat(candidate.layout().runDirectory().toString()).isEqualTo("file:///l/risk-candidate/run=" + sim.runKey() + "/");
        assertThat(candidate.consumerGroup()).isEqualTo("offstream-risk-candidate");
        assertThat(candidate.phase(io.offstream.tasks.support.ledger.Phase.EGRESS))
                .isEqualTo(io.offstream.tasks.support.ledger.Phase.EGRESS_CANDIDATE);
        assertThat(baseline.phase(io.offstream.tasks.support.ledger.Phase.EGRESS)).isEqualTo(io.offstream.tasks.support.ledger.Phase.EGRESS);
        assertThatThrownBy(() -> plain.side(RunSide.Which.CANDIDATE)).hasMessageContaining("offstream.run.candidate");
        assertThatThrownBy(() -> RunParameters.resolve("/d", "2026-01-01", "2026-01-01", "risk", null, "/l", "risk"))
                .hasMessageContaining("offstream.run.candidate 'risk' is offstream.run.service itself");
        assertThatThrownBy(() -> RunSide.Which.parse("left")).hasMessageContaining("offstream.run.side 'left'");
    }
}
