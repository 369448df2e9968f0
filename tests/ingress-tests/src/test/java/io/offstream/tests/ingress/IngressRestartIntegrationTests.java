package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A Spark job killed mid-partition (it halts the JVM after sending some records) fails the
 * ingress task, with the partitions published before the kill recorded; restarting the failed
 * job submits only the unfinished partitions and leaves every accepted key on the topic. Also
 * covers an empty partition and a corrupt file skipped.
 */
class IngressRestartIntegrationTests extends IngressFixture {

    @Test
    void aJobKilledMidwayAndRestartedLeavesEveryAcceptedKeyOnTheTopic() throws Exception {
        TaskRun sample = sampleWarehouse("sample", "--offstream.sample.days=3", "--offstream.sample.rows-per-day=6000",
                "--offstream.sample.start-date=2026-04-01", "--offstream.sample.bad-row-fraction=0.09",
                "--offstream.sample.empty-dates=2026-04-03", "--offstream.sample.corrupt-dates=2026-04-01");
        assertThat(sample.exitCode()).as("%s", sample).isZero();
        List<String> run = runArgs(dataset(), "2026-04-01", "2026-04-03", "risk");
        assertThat(plan("plan", run).exitCode()).isZero();
        String runKey = runKey();
        String launch = launchId();

        // one partition at a time, so that the kill comes after dt=2026-04-01 is published, not during it
        TaskRun killed = ingress("ingress-killed", run, launch, "--offstream.ingress.on-corrupt-file=skip",
                "--offstream.ingress.parallel-partitions=1",
                "--offstream.ingress.fault.halt-partition=2026-04-02", "--offstream.ingress.fault.halt-after-rows=2000");
        assertThat(killed.exitCode()).as("%s", killed).isNotZero();
        assertThat(killed.logText()).contains("failed with exit code 137");
        assertThat(status(runKey, "2026-04-01")).containsEntry("STATUS", "COMPLETED");
        assertThat(status(runKey, "2026-04-02")).containsEntry("STATUS", "FAILED");
        assertThat(query("SELECT STATUS FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? AND PHASE = 'INGRESS'", runKey).get(0))
                .containsEntry("STATUS", "FAILED");

        TaskRun restarted = ingress("ingress-restarted", run, launch, "--offstream.ingress.on-corrupt-file=skip");
        assertThat(restarted.exitCode()).as("%s", restarted).isZero();
        assertThat(restarted.logText()).contains("dt=2026-04-01 of run " + runKey + " is already published")
                .contains("Submitting the Spark ingress job for 2 partition(s) of run " + runKey + ", 2026-04-02 to 2026-04-03");
        assertThat(status(runKey, "2026-04-01")).containsEntry("ATTEMPTS", 1);
        assertThat(status(runKey, "2026-04-02")).containsEntry("ATTEMPTS", 2).containsEntry("STATUS", "COMPLETED");
        assertThat(status(runKey, "2026-04-03")).containsEntry("STATUS", "COMPLETED").containsEntry("READ_COUNT", 0L);
        assertThat((String) status(runKey, "2026-04-01").get("MESSAGE")).contains("part-99999-corrupt.parquet");

        TopicContent topic = readIngressTopic("risk", runKey);
        assertThat(topic.problems()).isEmpty();
        assertThat(topic.keyCounts().keySet()).isEqualTo(expectedAcceptedKeys());
        assertThat(topic.records()).as("records sent before the kill are on the topic twice").isGreaterThan(topic.keyCounts().size());
    }

    private Map<String, Object> status(String runKey, String date) throws Exception {
        return query("SELECT STATUS, ATTEMPTS, READ_COUNT, MESSAGE FROM OFFSTREAM_PHASE_PARTITION WHERE RUN_KEY = ? AND PHASE = 'INGRESS' "
                + "AND PARTITION_DATE = CAST(? AS DATE)", runKey, date).get(0);
    }
}
