package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.contract.layout.RunLayout;
import io.offstream.launcher.cluster.EngineClusters;
import io.offstream.launcher.run.WebHdfsFiles;
import io.offstream.testsupport.platform.EngineClusterProcesses;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The whole run on the local cluster mode's engine clusters, each a separate process from the
 * engines' own jars (as {@code up.sh --cluster} starts them): the warehouse and the landing on
 * HDFS, ingress submitted by SparkLauncher to the Spark standalone master (its executors on the
 * workers), egress sent to the Flink session cluster over its REST API. A worker killed mid-ingress
 * is survived (Spark runs the lost task again on the other worker), the run validates, and the
 * engines' own REST APIs show the applications they ran.
 */
class ClusterRunIntegrationTests extends PipelineIntegrationTestSupport {

    private static EngineClusterProcesses clusters;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void platformAndClusters(LocalPlatform platform) throws Exception {
        setUp(platform);
        if (clusters == null) {
            clusters = EngineClusterProcesses.start(platform.layout(), platform.workDir().resolve("clusters"));
        }
    }

    @AfterAll
    static void stopClusters() {
        if (clusters != null) {
            clusters.close();
            clusters = null;
        }
    }

    @Test
    void aRunOnHdfsSparkStandaloneAndAFlinkSessionSurvivesALostWorkerAndValidates() throws Exception {
        EngineClusters engines = clusters.clusters();
        LocalDate from = LocalDate.of(2026, 5, 1);
        String dataset = engines.hdfs().resolve("/warehouse/transactions").toString();
        URI landing = engines.hdfs().resolve("/offstream/landing");
        sampleWarehouse("transactions", dataset, from, 2, 1_000, 0.09);
        String runKey = "cluster-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, String> onClusters = new HashMap<>();
        engines.taskProperties().forEach((key, value) -> onClusters.put("app.*." + key, value));
        // the first attempt of the first day's first split holds after 100 records, on whichever worker runs it
        onClusters.put("app.*.offstream.ingress.fault.pause-partition", from.toString());
        onClusters.put("app.*.offstream.ingress.fault.pause-after-rows", "100");
        long runner = launchComposed("offstream-run", SERVICE, catalogue(), runKey, URI.create(dataset), landing, from, from.plusDays(1),
                onClusters);

        // that worker is killed (its executor with it): Spark runs the partition again on the other one
        String paused = awaitPausedWorker();
        JavaProcess worker = clusters.process(paused);
        List<ProcessHandle> executors = worker.descendants();
        worker.kill();
        executors.forEach(ProcessHandle::destroyForcibly);

        JsonNode end = dataflow.awaitTaskEnd(runner, RUN_TIMEOUT);
        assertThat(end.path("exitCode").asInt()).as("offstream-run on the clusters %s", end).isZero();

        // the validation report, read from HDFS where validate wrote it (through WebHDFS, as run-demo.sh --cluster reads it)
        URI reportUri = new RunLayout(landing, SERVICE, runKey).validationReport();
        JsonNode report = json.readTree(new WebHdfsFiles(engines.webHdfs(), System.getProperty("user.name")).read(reportUri)
                .orElseThrow(() -> new AssertionError("no validation report at " + reportUri)));
        assertThat(report.path("passed").asBoolean()).as("report %s", report).isTrue();
        assertThat(report.path("sourceRows").asLong()).isEqualTo(2_000);
        assertThat(report.path("accepted").asLong()).isPositive();

        // Spark's master ran the ingress application to its end, one worker short
        JsonNode master = json.readTree(clusters.get(engines.sparkMasterUi().resolve("/json/")).orElseThrow());
        assertThat(master.path("completedapps")).anySatisfy(app -> {
            assertThat(app.path("name").asText()).isEqualTo("offstream-ingress-" + runKey);
            assertThat(app.path("state").asText()).isEqualTo("FINISHED");
        });

        // the Flink session cluster ran the egress job to its end
        JsonNode jobs = json.readTree(clusters.get(engines.flinkRest().resolve("/jobs/overview")).orElseThrow());
        assertThat(jobs.path("jobs")).anySatisfy(job -> {
            assertThat(job.path("name").asText()).contains(runKey);
            assertThat(job.path("state").asText()).isEqualTo("FINISHED");
        });
    }

    /** The worker whose executor printed the fault injection's pause (executors write their output under the worker's work folder). */
    private String awaitPausedWorker() {
        String[] found = new String[1];
        Await.until(Duration.ofMinutes(3), () -> {
            for (int i = 1; i <= EngineClusters.SPARK_WORKERS; i++) {
                Path work = clusters.clusters().layout().work().resolve("spark/worker-" + i);
                if (holds(work, "fault injection: paused")) {
                    found[0] = EngineClusters.sparkWorker(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static boolean holds(Path directory, String text) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().equals("stdout")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains(text);
                }
                catch (IOException e) {
                    return false;
                }
            });
        }
        catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
