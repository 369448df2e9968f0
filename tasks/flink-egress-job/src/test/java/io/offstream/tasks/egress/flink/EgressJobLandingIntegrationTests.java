package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ~20,000 results of the sample risk service over 3 days on a 4-partition topic (one partition
 * empty), written in transactions like the consumer writes them, with 1,500 duplicates (a crashed
 * consumer's replays) and an aborted transaction: exactly one row per key lands, in the dt folder of
 * its partition date header, and a rerun changes nothing.
 */
class EgressJobLandingIntegrationTests extends EgressJobIntegrationTestSupport {

    static final String RUN_KEY = "landing-run";
    static final int UNIQUE = 20_000;
    static final int DUPLICATES = 1_500;
    static final int ABORTED = 300;

    static final Map<String, Long> expectedByDt = new TreeMap<>();

    @BeforeAll
    static void produceResults() throws Exception {
        try (EgressTopicFixture topic = riskTopic(RUN_KEY, 4, 3)) {
            List<EgressResult> batch = new ArrayList<>();
            for (int i = 0; i < UNIQUE; i++) {
                EgressResult decision = RiskResults.decision(txnId(i), eventTime(i), "v1");
                expectedByDt.merge(decision.day().toString(), 1L, Long::sum);
                batch.add(decision);
                if (batch.size() == 2_000) {
                    topic.send(batch, true);
                    batch.clear();
                }
            }
            topic.send(batch, true);
            batch.clear();
            for (int i = 0; i < ABORTED; i++) {
                batch.add(RiskResults.decision("aborted-" + i, eventTime(i), "v1"));
            }
            topic.send(batch, false);
            batch.clear();
            for (int i = 0; i < DUPLICATES; i++) {
                int original = i * 13 % UNIQUE;
                batch.add(RiskResults.decision(txnId(original), eventTime(original), "replayed"));
            }
            topic.send(batch, true);
        }
    }

    static String txnId(int i) {
        return String.format("txn-%06d", i);
    }

    /** Three days: 2026-03-01..03, spread over each day. */
    static Instant eventTime(int i) {
        return RiskResults.DAY_ONE.plus(Duration.ofDays(i % 3)).plusSeconds((i * 7L) % 86_400);
    }

    @Test
    void landsExactlyOneRowPerKeyInItsDtFolder() throws Exception {
        Path landing = landing().resolve("once");
        Path resultFile = workDirectory.resolve("once-result.properties");

        int exit = FlinkEgressJob.run(args(RUN_KEY, landing, resultFile));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).as(result.toText()).isZero();
        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.recordsRead()).isEqualTo(UNIQUE + DUPLICATES);
        assertThat(result.duplicatesDropped()).isEqualTo(DUPLICATES);
        assertThat(result.landedTotal()).isEqualTo(UNIQUE);
        assertThat(result.recordsRead()).isEqualTo(result.landedTotal() + result.duplicatesDropped());
        assertThat(result.landedByDt()).isEqualTo(expectedByDt);
        assertThat(result.stoppingOffsetsGiven()).isFalse();
        assertThat(result.stoppingOffsets()).containsOnlyKeys(0, 1, 2, 3).containsEntry(3, 0L);
        System.out.printf("EGRESS-BENCH landed %d of %d read in %d ms (Flink job %d ms): %d rows/s whole job, %d rows/s in the Flink job%n",
                result.landedTotal(), result.recordsRead(), result.durationMillis(), result.jobNetRuntimeMillis(),
                result.rowsPerSecond(), result.recordsRead() * 1000 / Math.max(1, result.jobNetRuntimeMillis()));

        Path runDirectory = runDirectory(landing, RUN_KEY);
        List<LandedParquet.Row> rows = LandedParquet.read(runDirectory);
        assertThat(rows).hasSize(UNIQUE);
        Map<String, LandedParquet.Row> byTxnId = rows.stream()
                .collect(Collectors.toMap(row -> row.record().get("txn_id").toString(), Function.identity()));
        assertThat(byTxnId).hasSize(UNIQUE);
        for (int i = 0; i < UNIQUE; i += 97) {
            EgressResult expected = RiskResults.decision(txnId(i), eventTime(i), "v1");
            assertThat(byTxnId.get(txnId(i)).record()).hasToString(expected.value().toString());
        }
        assertThat(rows).allSatisfy(row -> {
            Instant eventTime = Instant.ofEpochMilli((Long) row.record().get("event_time"));
            assertThat(row.dtFolder()).isEqualTo("dt=" + RiskResults.day(eventTime));
            assertThat(row.record().get("service_version")).as("the first read result wins").hasToString("v1");
            assertThat(row.record().get("txn_id").toString()).doesNotStartWith("aborted-");
            assertThat(row.file()).startsWith("part-").endsWith(".snappy.parquet");
        });
        try (var dirs = Files.list(runDirectory)) {
            assertThat(dirs.map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrder("dt=2026-03-01", "dt=2026-03-02", "dt=2026-03-03");
        }
        assertThat(landing.resolve(SERVICE).resolve("_staging")).doesNotExist();
    }

    @Test
    void runningTwiceLeavesTheSameRowsAndNoDuplicates() throws Exception {
        Path landing = landing().resolve("twice");
        Path runDirectory = runDirectory(landing, RUN_KEY);

        assertThat(FlinkEgressJob.run(args(RUN_KEY, landing, workDirectory.resolve("first.properties"), "--attempt-id=first")))
                .isZero();
        Set<String> first = rowTexts(LandedParquet.read(runDirectory));
        assertThat(FlinkEgressJob.run(args(RUN_KEY, landing, workDirectory.resolve("second.properties"), "--attempt-id=second")))
                .isZero();
        List<LandedParquet.Row> second = LandedParquet.read(runDirectory);

        assertThat(second).hasSize(UNIQUE);
        assertThat(rowTexts(second)).isEqualTo(first);
        assertThat(LandedParquet.files(runDirectory)).allSatisfy(file ->
                assertThat(file.getFileName().toString()).startsWith("part-second"));
        assertThat(EgressJobResult.readFrom(workDirectory.resolve("second.properties")).landedTotal()).isEqualTo(UNIQUE);
    }

    private static Set<String> rowTexts(List<LandedParquet.Row> rows) {
        return new HashSet<>(rows.stream().map(row -> row.record().toString()).toList());
    }
}
