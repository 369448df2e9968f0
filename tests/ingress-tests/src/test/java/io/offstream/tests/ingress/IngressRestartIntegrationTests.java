package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.offstream.testsupport.process.ProcFiles;

/**
 * A Spark job SIGKILLed from outside mid-partition (fault (b) of the reliability matrix: it pauses
 * after sending some records, and the test kills it there) fails the ingress task, with the
 * partitions published before the kill recorded; restarting the failed job submits only the
 * unfinished partitions and leaves every accepted key on the topic. Also covers an empty partition
 * and a corrupt file skipped.
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

        // one partition at a time, so that the kill comes after dt=2026-04-01 is published, not during it;
        // the job pauses after 2,000 records of dt=2026-04-02 and is SIGKILLed there from outside
        AtomicReference<String> killedJob = new AtomicReference<>();
        TaskRun killed = ingress("ingress-killed", run, task -> killedJob.set(killSparkJobOncePaused(task)), launch,
                "--offstream.ingress.on-corrupt-file=skip", "--offstream.ingress.parallel-partitions=1",
                "--offstream.ingress.fault.pause-partition=2026-04-02", "--offstream.ingress.fault.pause-after-rows=2000");
        assertThat(killedJob.get()).as("the Spark job killed from outside").startsWith("killed");
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

    /** Waits for the Spark job of the ingress task to pause, then SIGKILLs it; says what it did. */
    private String killSparkJobOncePaused(Process task) {
        Path log = logs.resolve("ingress-killed.log");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (task.isAlive() && System.nanoTime() < deadline) {
            if (logged(log, "fault injection: paused after")) {
                Optional<ProcessHandle> job = task.descendants()
                        .filter(p -> ProcFiles.commandLine(p).contains("-Doffstream.parent.pid=" + task.pid())).findFirst();
                job.ifPresent(ProcessHandle::destroyForcibly);
                return job.map(p -> "killed " + p.pid()).orElse("no Spark job under task " + task.pid());
            }
            sleepBriefly();
        }
        return "the job never paused";
    }

    private static boolean logged(Path log, String line) {
        try {
            return Files.exists(log) && Files.readString(log).contains(line);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> status(String runKey, String date) throws Exception {
        return query("SELECT STATUS, ATTEMPTS, READ_COUNT, MESSAGE FROM OFFSTREAM_PHASE_PARTITION WHERE RUN_KEY = ? AND PHASE = 'INGRESS' "
                + "AND PARTITION_DATE = CAST(? AS DATE)", runKey, date).get(0);
    }
}
