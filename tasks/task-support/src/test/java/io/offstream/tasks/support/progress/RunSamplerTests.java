package io.offstream.tasks.support.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunParameters;

class RunSamplerTests {

    @Test
    void samplesWhileOpenAndOnceMoreAtCloseAndSurvivesAFailingSource() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        RunLedger ledger = RunLedger.migrated(dataSource);
        RunParameters params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-01", "risk", "s-1", "/l");
        ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"), List.of());
        AtomicLong rows = new AtomicLong();
        try (RunSampler sampler = RunSampler.start(ledger, "s-1", Phase.VALIDATE, Duration.ofMillis(100), () -> {
            if (rows.incrementAndGet() == 2) {
                throw new IllegalStateException("broker away");
            }
            return List.of(new RunSample(Phase.VALIDATE, RunSample.ROWS, Instant.now(), rows.get() * 10, null));
        })) {
            Thread.sleep(600);
        }
        long calls = rows.get();
        List<RunSample> samples = ledger.samples("s-1");
        assertThat(samples).hasSize((int) calls - 1);
        assertThat(samples).extracting(RunSample::value).isSorted().doesNotContain(20L).last().isEqualTo(calls * 10);
        Thread.sleep(300);
        assertThat(rows.get()).as("nothing samples after close").isEqualTo(calls);
    }

    @Test
    void eachSeriesNewestValueIsAGaugeOfTheTasksMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            RunLedger ledger = RunLedger.migrated(dataSource);
            RunParameters params = RunParameters.resolve("/d/t", "2026-01-01", "2026-01-01", "risk", "g-1", "/l");
            ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), 1, Instant.now(), "PLANNED"), List.of());
            AtomicLong done = new AtomicLong();
            try (RunSampler sampler = RunSampler.start(ledger, "g-1", Phase.LAG_WAIT, Duration.ofMinutes(1), () -> List.of(
                    new RunSample(Phase.LAG_WAIT, RunSample.ROWS, Instant.now(), done.addAndGet(40), 100L),
                    new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk"), Instant.now(), 100 - done.get(), null)))) {
                // one sample at start, one at close
            }
            assertThat(registry.get("offstream.run.progress").tags("run", "g-1", "phase", "LAG_WAIT", "series", "rows").gauge().value())
                    .isEqualTo(80.0);
            assertThat(registry.get("offstream.run.progress.total").tags("series", "rows").gauge().value()).isEqualTo(100.0);
            assertThat(registry.get("offstream.run.progress").tags("series", "lag:offstream-risk").gauge().value()).isEqualTo(20.0);
        }
        finally {
            Metrics.removeRegistry(registry);
        }
    }
}
