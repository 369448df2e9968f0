package io.offstream.dataflow.server.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunParameters;

/** The endpoint's reader against a ledger the phases' own writer filled. */
class RunProgressReaderTests {

    private JdbcDataSource dataSource;

    private RunLedger ledger;

    @BeforeEach
    void ledger() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
    }

    @Test
    void noLedgerTablesOrNoSuchRunIsNoProgress() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(new RunProgressReader(new JdbcTemplate(empty)).read("r-1", false, Instant.now())).isEmpty();
        assertThat(reader().read("r-1", false, Instant.now())).isEmpty();
    }

    @Test
    void aDrainingRunShowsRowsLeftItsRateTimeLeftAndTheLag() {
        RunParameters params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-02", "risk", "r-1", "/l", "risk-candidate");
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "INGRESSED"),
                List.of(new PlannedPartition(LocalDate.of(2026, 1, 1), List.of()), new PlannedPartition(LocalDate.of(2026, 1, 2), List.of())));
        ledger.startPhase("r-1", Phase.INGRESS, 1L);
        ledger.completePhase("r-1", Phase.INGRESS, PhaseCounts.ingress(1_000, 10, 990), "ingress complete");
        ledger.startPhase("r-1", Phase.LAG_WAIT, 2L);
        Instant t0 = Instant.now().minusSeconds(20);
        ledger.recordSamples("r-1", Phase.LAG_WAIT, List.of(new RunSample(Phase.LAG_WAIT, RunSample.ROWS, t0, 100, 990L),
                new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk"), t0, 890, null)));
        ledger.recordSamples("r-1", Phase.LAG_WAIT, List.of(new RunSample(Phase.LAG_WAIT, RunSample.ROWS, t0.plusSeconds(10), 590, 990L),
                new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk"), t0.plusSeconds(10), 400, null)));
        ledger.recordEvent("r-1", Phase.LAG_WAIT, "drain of ... 400 of 990 records remaining");

        RunProgress progress = reader().read("r-1", false, Instant.now()).orElseThrow();

        assertThat(progress.candidate()).isEqualTo("risk-candidate");
        assertThat(progress.phases()).extracting(RunProgress.Phase::phase).containsExactly("INGRESS", "LAG_WAIT");
        assertThat(progress.phases().get(0).counts()).containsEntry("published", 990L).containsEntry("rejected", 10L);
        RunProgress.Current current = progress.current();
        assertThat(current.phase()).isEqualTo("LAG_WAIT");
        assertThat(current.done()).isEqualTo(590L);
        assertThat(current.total()).isEqualTo(990);
        assertThat(current.ratePerSecond()).isEqualTo(49.0);
        assertThat(current.secondsLeft()).isEqualTo(9);
        assertThat(progress.lag()).containsExactly(java.util.Map.entry("offstream-risk", 400L));
        assertThat(progress.lastEvent()).isEqualTo("r-1 LAG_WAIT: drain of ... 400 of 990 records remaining");
    }

    @Test
    void ingressTellsTimeLeftByPartitionsAndAChildsEventIsTheParentsWhenAsked() {
        RunParameters params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-04", "risk", "m-1", "/l");
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"), List.of());
        ledger.startPhase("m-1", Phase.INGRESS, 1L);
        ledger.recordSamples("m-1", Phase.INGRESS, List.of(new RunSample(Phase.INGRESS, RunSample.PARTITIONS, Instant.now(), 1, 4L)));
        RunParameters child = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-02", "risk", "m-1-c1of2", "/l");
        ledger.createRunIfAbsent(new LedgerRun(child, child.topics(), 1, Instant.now(), "PLANNED"), List.of());
        ledger.recordEvent("m-1-c1of2", Phase.PLAN, "planned 2 partitions");

        Instant now = ledger.phase("m-1", Phase.INGRESS).orElseThrow().startedAt().plusSeconds(30);
        RunProgress progress = reader().read("m-1", false, now).orElseThrow();
        assertThat(progress.current().done()).as("ingress has recorded no rows yet").isNull();
        assertThat(progress.current().partitionsDone()).isEqualTo(1);
        assertThat(progress.current().partitionsTotal()).isEqualTo(4);
        assertThat(progress.current().secondsLeft()).isEqualTo(90);
        assertThat(progress.lastEvent()).isNull();
        assertThat(reader().read("m-1", true, now).orElseThrow().lastEvent()).isEqualTo("m-1-c1of2 PLAN: planned 2 partitions");
    }

    private RunProgressReader reader() {
        return new RunProgressReader(new JdbcTemplate(dataSource));
    }
}
