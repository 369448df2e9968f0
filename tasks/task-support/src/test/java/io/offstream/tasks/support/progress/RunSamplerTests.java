package io.offstream.tasks.support.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

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
}
