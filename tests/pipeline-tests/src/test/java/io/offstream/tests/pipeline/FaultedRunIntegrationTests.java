package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunTopics;
import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.ProcFiles;

/**
 * Faults (a), (i), (c) and (d) of the fault matrix, one after another in one run: the ingress task
 * SIGKILLed from outside in the middle of its phase, as the OOM killer or a lost node would; the
 * service consumer SIGKILLed three times while it works on the run, each time once its new process has
 * written results, and started again; the egress task SIGKILLed mid-phase; then the Flink job of the
 * egress task that follows. A killed task's engine job (the Spark, then the Flink JVM) ends with it
 * instead of writing on; the composed runner finds the child lost and fails; a killed Flink job fails
 * its egress task, and so the runner; each restart of the runner's job runs the phase again (the
 * ledger's lease taken over from the dead task); the consumer goes on from its group's committed
 * offsets; and the run validates with every accepted key landed exactly once. (It is also the suite's
 * plain {@code offstream-run} of the sample: warehouse rows in, one landed row per accepted key out.)
 * One run holds them all because a run's start costs more than its faults.
 */
class FaultedRunIntegrationTests extends PipelineIntegrationTestSupport {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    /** Slow enough that three kills and restarts of the consumer fall within its work on the run (36,400 calls: 9 s at full pace). */
    @Override
    List<String> consumerArguments() {
        return List.of("--offstream.consumer.rate-limit=4000");
    }

    @Test
    void ingressTaskConsumerEgressTaskAndFlinkJobKilledMidPhaseAndRestartedLandEveryKeyOnce() throws Exception {
        LocalDate from = LocalDate.of(2026, 5, 1);
        Path dataset = sampleWarehouse(from, 2, 20_000);
        for (int run = 0; run < FaultMatrix.repetitions(); run++) {
            faultedRun(dataset, from);
        }
    }

    private void faultedRun(Path dataset, LocalDate from) throws Exception {
        String runKey = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        double resultsBefore = consumerResults();
        long runner = launchRun(runKey, dataset, from, from.plusDays(1));
        String definition = dataflow.taskExecution(runner).path("taskName").asText();

        // (i) the consumer, three times, each time once its process has written results of the run; beside
        // (a), so that its restarts overlap the ingress task's instead of adding to the run
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> consumerKills = killer.submit(() -> killConsumerThreeTimes(resultsBefore));
        killer.shutdown();

        long restarted;
        try {
            // (a) the ingress task, once its Spark job is publishing
            TaskProcess ingress = awaitTaskWithEngineChild(runKey, "IngressTaskApplication");
            Await.until(STEP_TIMEOUT, () -> ingressRecords(runKey) > 0);
            ingress.kill();
            restarted = restartAfterLostChild(definition, runner, "ingress task");
            consumerKills.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        finally {
            consumerKills.cancel(true);
        }

        // (c) the egress task of the restarted run, once its Flink job is landing
        TaskProcess egress = awaitTaskWithEngineChild(runKey, "EgressTaskApplication");
        Await.until(STEP_TIMEOUT, () -> stagedFiles(runKey) || !egress.child().isAlive());
        egress.kill();
        long again = restartAfterLostChild(definition, restarted, "egress task");

        // (d) the Flink job of the egress task after that restart, SIGKILLed while its task lives
        TaskProcess egressAgain = awaitTaskWithEngineChild(runKey, "EgressTaskApplication");
        Await.until(STEP_TIMEOUT, () -> stagedFiles(runKey) || !egressAgain.child().isAlive());
        egressAgain.killEngineJob();
        long last = restartAfterLostChild(definition, again, "Flink job");

        JsonNode end = dataflow.awaitTaskEnd(last, RUN_TIMEOUT);
        assertThat(end.path("exitCode").asInt()).as("offstream-run after three restarts: %s", end).isZero();
        JsonNode report = report(runKey);
        FaultMatrix.record("(a)+(i)+(c)+(d) ingress task, consumer 3x, egress task, Flink job SIGKILLed", report);
        assertThat(report.path("passed").asBoolean()).as("report %s", report).isTrue();
        assertThat(report.path("sourceRows").asLong()).isEqualTo(40_000);
        List<String> landed = landedKeys(runKey);
        assertThat(new HashSet<>(landed)).as("no key landed twice").hasSameSizeAs(landed);
        assertThat(new HashSet<>(landed)).as("every accepted key landed").isEqualTo(expectedAcceptedKeys(dataset));
        assertThat(phaseAttempts(runKey, "INGRESS")).isEqualTo(2);
        assertThat(phaseAttempts(runKey, "EGRESS")).isEqualTo(3);
        assertThat(phaseAttempts(runKey, "PLAN")).as("plan is not run again").isEqualTo(1);
    }

    /**
     * Waits for the runner to fail on its lost or failed child, restarts its job as a user does from the dashboard,
     * and returns the runner execution SCDF launched for the restart.
     */
    private long restartAfterLostChild(String definition, long runner, String lostChild) {
        JsonNode failed = dataflow.awaitTaskEnd(runner, STEP_TIMEOUT);
        assertThat(failed.path("exitCode").asInt()).as("runner %s after its %s was killed", failed, lostChild).isNotZero();
        List<JsonNode> jobs = dataflow.jobExecutionsOf(failed);
        assertThat(jobs).hasSize(1);
        dataflow.send("PUT", "/jobs/executions/" + jobs.get(0).path("executionId").asLong() + "?restart=true", Map.of());
        return dataflow.awaitNewerExecution(definition, runner, Duration.ofMinutes(2));
    }

    /** The phase task of this run (its main class, the run key in its environment) once it has started its engine job. */
    private TaskProcess awaitTaskWithEngineChild(String runKey, String mainClass) {
        TaskProcess[] found = new TaskProcess[1];
        Await.until(STEP_TIMEOUT, () -> {
            Optional<ProcessHandle> task = ProcessHandle.allProcesses().filter(p -> {
                List<String> arguments = ProcFiles.commandLine(p);
                return arguments.stream().anyMatch(a -> a.contains(mainClass))
                        && arguments.stream().anyMatch(a -> a.startsWith("--spring.cloud.task.executionid="))
                        && ProcFiles.environment(p).contains(runKey);
            }).findFirst();
            Optional<ProcessHandle> child = task.flatMap(t -> ProcessHandle.allProcesses()
                    .filter(p -> ProcFiles.commandLine(p).contains("-Doffstream.parent.pid=" + t.pid())).findFirst());
            child.ifPresent(c -> found[0] = new TaskProcess(task.get(), c));
            return child.isPresent();
        });
        return found[0];
    }

    private Void killConsumerThreeTimes(double resultsBefore) throws InterruptedException {
        double since = resultsBefore;
        for (int kill = 0; kill < 3; kill++) {
            double before = since;
            Await.until(STEP_TIMEOUT, () -> consumerResults() > before);
            consumer.kill();
            Thread.sleep(1_000);
            startConsumer();
            since = 0; // a new process counts from zero
        }
        return null;
    }

    /** Results the current consumer process has written ({@code offstream_consumer_records_out_total}); 0 while it is down. */
    private double consumerResults() {
        return consumerMetrics().lines()
                .filter(line -> line.startsWith("offstream_consumer_records_out_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The consumer's Prometheus scrape; empty while it is down or starting. */
    private String consumerMetrics() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + consumerPort + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Records on the run's ingress topic so far (committed or not: the job is publishing). */
    private long ingressRecords(String runKey) {
        String topic = RunTopics.of(SERVICE, runKey).ingress();
        KafkaTopics kafka = new KafkaTopics(platform.kafka().bootstrapServers());
        if (!kafka.names().contains(topic)) {
            return 0; // plan has not created it yet
        }
        return kafka.endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the egress job has begun writing: Parquet files under the run's staging folder. */
    private boolean stagedFiles(String runKey) {
        Path staging = Path.of(new RunLayout(landing().toUri(), SERVICE, runKey).stagingDirectory());
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (var files = Files.walk(staging)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private int phaseAttempts(String runKey, String phase) throws SQLException {
        try (Connection connection = platform.dataflowServer().openDatabase();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT ATTEMPTS FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? AND PHASE = ?")) {
            query.setString(1, runKey);
            query.setString(2, phase);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** A phase task and the engine JVM it started. */
    private record TaskProcess(ProcessHandle task, ProcessHandle child) {

        /** SIGKILL of the task alone, from outside; its engine job must end by itself (it watches its task). */
        void kill() {
            task.destroyForcibly();
            Await.until(Duration.ofSeconds(30), () -> !task.isAlive());
            Await.until(Duration.ofSeconds(30), () -> !child.isAlive());
        }

        /** SIGKILL of the engine job alone, from outside; its task must fail its phase and end. */
        void killEngineJob() {
            child.destroyForcibly();
            Await.until(Duration.ofSeconds(60), () -> !task.isAlive());
        }
    }
}
