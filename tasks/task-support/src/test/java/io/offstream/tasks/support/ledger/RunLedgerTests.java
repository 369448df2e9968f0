package io.offstream.tasks.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.tasks.support.run.RunParameters;

class RunLedgerTests {

    private JdbcDataSource dataSource;
    private RunLedger ledger;
    private RunParameters params;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
        params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-02", "risk", null, "/l");
    }

    @Test
    void recordsARunAndItsPinnedManifestOnce() {
        LedgerRun run = new LedgerRun(params, params.topics(), 3, Instant.parse("2026-02-01T00:00:00Z"), "PLANNED");
        List<PlannedPartition> partitions = List.of(
                new PlannedPartition(LocalDate.of(2026, 1, 1), List.of(new ManifestFile("file:/d/t/dt=2026-01-01/a.parquet", 10,
                        Instant.parse("2026-01-31T00:00:00Z")), new ManifestFile("file:/d/t/dt=2026-01-01/b.parquet", 20,
                                Instant.parse("2026-01-31T00:00:00Z")))),
                new PlannedPartition(LocalDate.of(2026, 1, 2), List.of()));
        assertThat(ledger.createRunIfAbsent(run, partitions)).isTrue();
        assertThat(ledger.createRunIfAbsent(run, partitions)).isFalse();
        assertThat(ledger.findRun(params.runKey())).get().satisfies(r -> {
            assertThat(r.parameters()).isEqualTo(params);
            assertThat(r.topicPartitions()).isEqualTo(3);
        });
        assertThat(ledger.partitions(params.runKey())).isEqualTo(partitions);
        assertThat(LedgerSchema.migrate(dataSource).migrationsExecuted).isZero();
    }

    @Test
    void keepsARunsTimeSeriesInOrderWithUnknownTotals() {
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"), List.of());
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        ledger.recordSamples(params.runKey(), Phase.INGRESS, List.of(new RunSample(Phase.INGRESS, RunSample.ROWS, t0, 0, null),
                new RunSample(Phase.INGRESS, RunSample.lag("offstream-risk"), t0, 0, null)));
        ledger.recordSamples(params.runKey(), Phase.LAG_WAIT, List.of(new RunSample(Phase.LAG_WAIT, RunSample.ROWS, t0.plusSeconds(5), 40, 100L)));
        assertThat(ledger.samples(params.runKey())).containsExactly(
                new RunSample(Phase.INGRESS, "rows", t0, 0, null),
                new RunSample(Phase.INGRESS, "lag:offstream-risk", t0, 0, null),
                new RunSample(Phase.LAG_WAIT, "rows", t0.plusSeconds(5), 40, 100L));
        assertThat(ledger.samples(params.runKey()).get(1).lagGroup()).isEqualTo("offstream-risk");
        assertThat(ledger.samples("other")).isEmpty();
    }

    @Test
    void keepsASimulationsCandidateAndGivesEachSideItsTopics() {
        RunParameters sim = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-01", "risk", "sim-1", "/l", "risk-candidate");
        ledger.createRunIfAbsent(new LedgerRun(sim, sim.topics(), 1, Instant.now(), "PLANNED"), List.of());
        LedgerRun run = ledger.findRun("sim-1").orElseThrow();
        assertThat(run.parameters()).isEqualTo(sim);
        assertThat(run.side(io.offstream.tasks.support.run.RunSide.Which.CANDIDATE).topics()).isEqualTo(
                new io.offstream.contract.naming.RunTopics("offstream.risk.sim-1.ingress.risk-candidate",
                        "offstream.risk-candidate.sim-1.egress", "offstream.risk-candidate.sim-1.dlq"));
    }

    @Test
    void keepsOneRowPerPartitionAcrossAttemptsAndSumsCompletedOnes() {
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"),
                List.of(new PlannedPartition(LocalDate.of(2026, 1, 1), List.of()), new PlannedPartition(LocalDate.of(2026, 1, 2), List.of())));
        LocalDate d1 = LocalDate.of(2026, 1, 1);
        ledger.startPartition(params.runKey(), Phase.INGRESS, d1, 7L);
        ledger.failPartition(params.runKey(), Phase.INGRESS, d1, "killed");
        ledger.startPartition(params.runKey(), Phase.INGRESS, d1, 8L);
        ledger.completePartition(params.runKey(), Phase.INGRESS, d1, PhaseCounts.ingress(100, 3, 97), null);
        ledger.startPartition(params.runKey(), Phase.INGRESS, LocalDate.of(2026, 1, 2), 8L);
        assertThat(ledger.partition(params.runKey(), Phase.INGRESS, d1)).get().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.completed()).isTrue();
            assertThat(r.taskExecutionId()).isEqualTo(8L);
        });
        assertThat(ledger.completedPartitionTotals(params.runKey(), Phase.INGRESS)).isEqualTo(PhaseCounts.ingress(100, 3, 97));
        ledger.recordTopicOffsets(params.runKey(), Phase.INGRESS, "t", Map.of(0, 5L, 1, 7L));
        ledger.recordTopicOffsets(params.runKey(), Phase.INGRESS, "t", Map.of(0, 6L, 1, 7L));
        assertThat(ledger.topicOffsets(params.runKey(), Phase.INGRESS, "t")).isEqualTo(Map.of(0, 6L, 1, 7L));
        ledger.recordRejectCounts(params.runKey(), d1, Map.of("NEGATIVE_AMOUNT", 2L, "MALFORMED_ID", 1L));
        assertThat(ledger.rejectCounts(params.runKey())).containsEntry("NEGATIVE_AMOUNT", 2L).hasSize(2);
        ledger.startPhase(params.runKey(), Phase.INGRESS, 8L);
        ledger.completePhase(params.runKey(), Phase.INGRESS, PhaseCounts.ingress(100, 3, 97), "done");
        assertThat(ledger.phase(params.runKey(), Phase.INGRESS)).get().extracting(PhaseRecord::status).isEqualTo(PhaseStatus.COMPLETED);
        ledger.recordEvent(params.runKey(), Phase.INGRESS, "1/2 partitions");
        assertThat(ledger.events(params.runKey(), Phase.INGRESS)).containsExactly("1/2 partitions");
    }

    @Test
    void recordsAFailureEvenWhenTheCallersTransactionRollsBack() {
        LocalDate d1 = LocalDate.of(2026, 1, 1);
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"),
                List.of(new PlannedPartition(d1, List.of())));
        var outer = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        outer.executeWithoutResult(status -> {
            ledger.startPartition(params.runKey(), Phase.INGRESS, d1, 1L);
            ledger.failPartition(params.runKey(), Phase.INGRESS, d1, "killed");
            status.setRollbackOnly();
        });
        assertThat(ledger.partition(params.runKey(), Phase.INGRESS, d1)).get()
                .extracting(PhaseRecord::status).isEqualTo(PhaseStatus.FAILED);
    }
}
