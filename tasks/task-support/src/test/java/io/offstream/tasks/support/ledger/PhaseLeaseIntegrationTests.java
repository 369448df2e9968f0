package io.offstream.tasks.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.tasks.support.run.RunParameters;

/** One writer per phase of a run: the lease {@link RunLedger#startPhase} takes, renews and lets go. */
class PhaseLeaseIntegrationTests {

    private JdbcDataSource dataSource;

    private RunParameters params;

    private RunLedger self;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        self = RunLedger.migrated(dataSource);
        params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-02", "risk", null, "/l");
        self.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"), List.of());
    }

    @AfterEach
    void close() {
        self.close();
    }

    @Test
    void aSecondExecutionCannotStartAPhaseALiveOneRuns() {
        self.startPhase(params.runKey(), Phase.EGRESS, 7L);
        try (RunLedger other = ledgerOf(otherHost(), Duration.ofMinutes(2))) {
            assertThatThrownBy(() -> other.startPhase(params.runKey(), Phase.EGRESS, 8L)).isInstanceOf(PhaseLeaseException.class)
                    .hasMessageContaining("phase EGRESS of run " + params.runKey() + " is already running in task execution 7");
            assertThatThrownBy(() -> other.completePhase(params.runKey(), Phase.EGRESS, PhaseCounts.NONE, "done"))
                    .as("nor record its outcome").isInstanceOf(PhaseLeaseException.class);
            assertThat(self.phase(params.runKey(), Phase.EGRESS)).get().satisfies(p -> {
                assertThat(p.taskExecutionId()).isEqualTo(7L);
                assertThat(p.attempts()).isEqualTo(1);
            });
            // the holder ends the phase and lets the lease go: now the other may run it again
            self.completePhase(params.runKey(), Phase.EGRESS, PhaseCounts.NONE, "done");
            other.startPhase(params.runKey(), Phase.EGRESS, 8L);
            assertThat(self.phase(params.runKey(), Phase.EGRESS).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    @Test
    void aRestartTakesOverAtOnceFromAHolderOnThisHostThatDied() throws Exception {
        Process task = new ProcessBuilder("sleep", "60").start();
        LeaseOwner dying = new LeaseOwner(LeaseOwner.current().host(), task.pid(),
                task.info().startInstant().orElseThrow().toEpochMilli());
        try (RunLedger killed = ledgerOf(dying, Duration.ofMinutes(2))) {
            killed.startPhase(params.runKey(), Phase.INGRESS, 1L);
            assertThatThrownBy(() -> self.startPhase(params.runKey(), Phase.INGRESS, 2L)).as("while it lives")
                    .isInstanceOf(PhaseLeaseException.class);
            task.destroyForcibly().waitFor();
            self.startPhase(params.runKey(), Phase.INGRESS, 2L); // its lease has two minutes left, but its process is gone
            assertThat(self.phase(params.runKey(), Phase.INGRESS).orElseThrow().taskExecutionId()).isEqualTo(2L);
            assertThatThrownBy(() -> killed.completePhase(params.runKey(), Phase.INGRESS, PhaseCounts.NONE, "late"))
                    .isInstanceOf(PhaseLeaseException.class).hasMessageContaining("taken over");
        } finally {
            task.destroyForcibly();
        }
    }

    @Test
    void anotherHostsHolderIsTakenOverOnlyOnceItsLeaseExpired() throws Exception {
        try (RunLedger remote = ledgerOf(otherHost(), Duration.ofSeconds(3))) {
            remote.startPhase(params.runKey(), Phase.VALIDATE, 1L);
            remote.close(); // stops renewing, as a host that went away
            assertThatThrownBy(() -> self.startPhase(params.runKey(), Phase.VALIDATE, 2L)).isInstanceOf(PhaseLeaseException.class);
            Thread.sleep(3_200);
            self.startPhase(params.runKey(), Phase.VALIDATE, 2L);
            assertThat(self.phase(params.runKey(), Phase.VALIDATE).orElseThrow().taskExecutionId()).isEqualTo(2L);
        }
    }

    @Test
    void aHolderRenewsItsLeaseAndLearnsWhenItWasTakenOver() throws Exception {
        try (RunLedger holder = ledgerOf(otherHost(), Duration.ofSeconds(3))) {
            holder.startPhase(params.runKey(), Phase.INGRESS, 1L);
            Thread.sleep(3_500); // longer than the lease: only renewals keep it
            assertThatThrownBy(() -> self.startPhase(params.runKey(), Phase.INGRESS, 2L)).as("renewed").isInstanceOf(PhaseLeaseException.class);
            assertThat(holder.holdsLease(params.runKey(), Phase.INGRESS)).isTrue();
            holder.close();
            Thread.sleep(3_200);
            self.startPhase(params.runKey(), Phase.INGRESS, 2L);
            holder.renewLeases();
            assertThat(holder.holdsLease(params.runKey(), Phase.INGRESS)).isFalse();
            assertThatThrownBy(() -> holder.startPartition(params.runKey(), Phase.INGRESS, params.from(), 1L))
                    .isInstanceOf(PhaseLeaseException.class).hasMessageContaining("not starting partition 2026-01-01");
        }
    }

    @Test
    void theSameProcessMayStartItsPhaseAgain() {
        self.startPhase(params.runKey(), Phase.LAG_WAIT, 1L);
        self.failPhase(params.runKey(), Phase.LAG_WAIT, PhaseCounts.NONE, "boom");
        self.startPhase(params.runKey(), Phase.LAG_WAIT, 2L);
        self.startPhase(params.runKey(), Phase.LAG_WAIT, 3L); // a step retried in the same JVM
        assertThat(self.phase(params.runKey(), Phase.LAG_WAIT).orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    void ownersRoundTripThroughTheirText() {
        LeaseOwner owner = new LeaseOwner("node-7", 4242, 1_700_000_000_000L);
        assertThat(LeaseOwner.parse(owner.toString())).contains(owner);
        assertThat(LeaseOwner.parse("not an owner")).isEmpty();
        assertThat(LeaseOwner.current().knownDead()).isFalse();
        assertThat(owner.knownDead()).as("another host's process is never known dead").isFalse();
    }

    private RunLedger ledgerOf(LeaseOwner owner, Duration ttl) {
        return new RunLedger(dataSource, owner, ttl);
    }

    private static LeaseOwner otherHost() {
        return new LeaseOwner("other-host-" + UUID.randomUUID(), 1, 1);
    }
}
