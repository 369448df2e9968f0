package io.offstream.tasks.egress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;

/**
 * Lands one run: checks it drained, runs the Flink egress job, reads its result file and
 * records read / duplicates dropped / landed and the egress offsets it read up to. Rerunning it
 * replaces the run's landing (the job commits by rename), so the ledger's counts stay those of
 * the landing on disk.
 */
class RunLander {

    private static final Logger log = LoggerFactory.getLogger(RunLander.class);

    static final String MAIN_CLASS = "io.offstream.tasks.egress.flink.FlinkEgressJob";

    private final RunLedger ledger;

    private final EngineSubmitter submitter;

    private final EgressProperties settings;

    private final String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    RunLander(RunLedger ledger, EngineSubmitter submitter, EgressProperties settings, String bootstrapServers) {
        this.ledger = ledger;
        this.submitter = submitter;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    PhaseCounts land(LedgerRun run, Path jobJar, Path workDirectory, Long taskExecutionId) throws IOException, InterruptedException {
        String key = run.runKey();
        if (settings.requireDrained() && !ledger.phase(key, Phase.LAG_WAIT).map(PhaseRecord::completed).orElse(false)) {
            throw new IllegalStateException("Run " + key + " has not drained (lag-wait not completed): run offstream-lag-wait first,"
                    + " or set offstream.egress.require-drained=false");
        }
        ledger.startPhase(key, Phase.EGRESS, taskExecutionId);
        Files.createDirectories(workDirectory);
        String attempt = "task-" + (taskExecutionId == null ? System.currentTimeMillis() : taskExecutionId);
        Path resultFile = workDirectory.resolve("egress-" + key + "-" + attempt + ".json");
        EngineJob job = new EngineJob("egress-" + key, MAIN_CLASS, jobJar, List.of(), settings.jvmOptions(), Map.of(),
                arguments(run, resultFile, jobJar, attempt), workDirectory, settings.timeout());
        log.info("Landing run {} from {} with the Flink egress job ({})", key, run.topics().egress(),
                settings.flinkRest() == null ? "embedded mini cluster" : settings.flinkRest());
        EngineResult result = submitter.run(job, line -> log.info("[flink] {}", line));
        JsonNode report = Files.exists(resultFile) ? json.readTree(resultFile.toFile()) : null;
        if (!result.succeeded() || report == null || !"SUCCEEDED".equals(report.path("status").asText())) {
            String why = report != null && report.hasNonNull("error") ? report.get("error").asText()
                    : "exit code " + result.exitCode() + ": " + String.join(" | ", result.lastLines());
            ledger.failPhase(key, Phase.EGRESS, PhaseCounts.NONE, why);
            throw new IllegalStateException("Flink egress job failed for run " + key + ": " + why);
        }
        PhaseCounts counts = new PhaseCounts(report.path("recordsRead").asLong(), 0, 0, 0, 0,
                report.path("duplicatesDropped").asLong(), report.path("landedTotal").asLong());
        Map<Integer, Long> stopping = new HashMap<>();
        report.path("stoppingOffsets").fields().forEachRemaining(e -> stopping.put(Integer.valueOf(e.getKey()), e.getValue().asLong()));
        ledger.recordTopicOffsets(key, Phase.EGRESS, run.topics().egress(), stopping);
        String summary = String.format("read %,d results, dropped %,d duplicates, landed %,d rows in %s (%,d rows/s) at %s",
                counts.read(), counts.duplicates(), counts.landed(), report.path("landedByDt"), report.path("rowsPerSecond").asLong(),
                report.path("runDirectory").asText());
        ledger.completePhase(key, Phase.EGRESS, counts, summary);
        log.info("Egress of run {}: {}", key, summary);
        return counts;
    }

    private List<String> arguments(LedgerRun run, Path resultFile, Path jobJar, String attempt) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers=" + bootstrapServers,
                "--service=" + run.parameters().service(),
                "--run-key=" + run.runKey(),
                "--landing=" + run.parameters().landing(),
                "--result-file=" + resultFile.toAbsolutePath(),
                "--parallelism=" + settings.parallelism(),
                "--attempt-id=" + attempt));
        if (settings.flinkRest() != null && !settings.flinkRest().isBlank()) {
            args.add("--flink-rest=" + settings.flinkRest());
            args.add("--job-jar=" + jobJar.toAbsolutePath());
        }
        return args;
    }
}
