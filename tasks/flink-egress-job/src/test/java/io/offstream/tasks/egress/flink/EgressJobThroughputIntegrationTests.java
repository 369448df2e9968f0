package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A throughput measurement, off by default: {@code -Degress.bench.rows=200000} runs it (results over
 * 7 days, 1% duplicates) and prints EGRESS-THROUGHPUT lines.
 */
class EgressJobThroughputIntegrationTests extends EgressJobIntegrationTestSupport {

    @Test
    void measuresRowsPerSecond() throws Exception {
        int rows = Integer.getInteger("egress.bench.rows", 0);
        Assumptions.assumeTrue(rows > 0, "set -Degress.bench.rows to measure");
        String runKey = "bench-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 4, 4)) {
            List<EgressResult> batch = new ArrayList<>();
            for (int i = 0; i < rows + rows / 100; i++) {
                int key = i < rows ? i : (i - rows) * 97 % rows;
                batch.add(RiskResults.decision("bench-" + key,
                        RiskResults.DAY_ONE.plus(Duration.ofDays(key % 7)).plusSeconds(key % 86_400), "v1"));
                if (batch.size() == 10_000) {
                    topic.send(batch, true);
                    batch.clear();
                }
            }
            topic.send(batch, true);
        }
        var resultFile = workDirectory.resolve("bench.properties");

        assertThat(FlinkEgressJob.run(args(runKey, landing().resolve("bench"), resultFile))).isZero();

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(result.landedTotal()).isEqualTo(rows);
        System.out.printf("EGRESS-THROUGHPUT %d read, %d landed in %d ms (Flink job %d ms): %d rows/s whole job, %d rows/s in the Flink job%n",
                result.recordsRead(), result.landedTotal(), result.durationMillis(), result.jobNetRuntimeMillis(),
                result.rowsPerSecond(), result.recordsRead() * 1000 / Math.max(1, result.jobNetRuntimeMillis()));
    }
}
