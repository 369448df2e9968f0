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
}
