package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunSample;

class RunSeriesTests {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void throughputIsRowsPerSecondBetweenConsecutiveSamplesOfEachPhase() {
        List<RunSample> samples = List.of(rows(Phase.INGRESS, 0, 0), rows(Phase.EGRESS, 0, 100), rows(Phase.INGRESS, 5, 500),
                new RunSample(Phase.INGRESS, "partitions", T0.plusSeconds(5), 1, 2L), rows(Phase.INGRESS, 10, 1500), rows(Phase.EGRESS, 2, 300));

        assertThat(RunSeries.throughput(samples)).containsOnlyKeys("INGRESS", "EGRESS").satisfies(t -> {
            assertThat(t.get("INGRESS")).containsExactly(new RunSeries.Point(T0.plusSeconds(5), 100), new RunSeries.Point(T0.plusSeconds(10), 200));
            assertThat(t.get("EGRESS")).containsExactly(new RunSeries.Point(T0.plusSeconds(2), 100));
        });
    }

    @Test
    void aCountThatWentDownStartsTheRateOver() {
        List<RunSample> samples = List.of(rows(Phase.INGRESS, 0, 900), rows(Phase.INGRESS, 5, 100), rows(Phase.INGRESS, 10, 600));

        assertThat(RunSeries.throughput(samples).get("INGRESS")).containsExactly(new RunSeries.Point(T0.plusSeconds(10), 100));
    }

    @Test
    void lagIsOneSeriesPerGroupOverEveryPhaseInTimeOrder() {
        List<RunSample> samples = List.of(new RunSample(Phase.LAG_WAIT, RunSample.lag("offstream-risk"), T0.plusSeconds(10), 5, null),
                new RunSample(Phase.INGRESS, RunSample.lag("offstream-risk"), T0, 40, null),
                new RunSample(Phase.INGRESS, RunSample.lag("offstream-b"), T0, 7, null), rows(Phase.INGRESS, 0, 1));

        assertThat(RunSeries.lag(samples)).containsOnlyKeys("offstream-b", "offstream-risk");
        assertThat(RunSeries.lag(samples).get("offstream-risk")).containsExactly(new RunSeries.Point(T0, 40),
                new RunSeries.Point(T0.plusSeconds(10), 5));
    }

    private static RunSample rows(Phase phase, int second, long done) {
        return new RunSample(phase, RunSample.ROWS, T0.plusSeconds(second), done, null);
    }
}
