package io.offstream.tasks.egress;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressJobResult;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;

/**
 * Lands one run: checks it drained, runs the Flink egress job (its arguments are the run contract's
 * {@link EgressJobOptions}), reads its {@link EgressJobResult} and records read / duplicates dropped /
 * landed and the egress offsets it read up to. Rerunning it replaces the run's landing (the job
 * commits by rename), so the ledger's counts stay those of the landing on disk.
 */
class RunLander {

    private static final Logger log = LoggerFactory.getLogger(RunLander.class);

    static final String MAIN_CLASS = "io.offstream.tasks.egress.flink.FlinkEgressJob";

    private final RunLedger ledger;

    private final EngineSubmitter submitter;

    private final EgressProperties settings;

    private final String bootstrapServers;

    private final URI servicesLocation;

    RunLander(RunLedger ledger, EngineSubmitter submitter, EgressProperties settings, String bootstrapServers, URI servicesLocation) {
        this.ledger = ledger;
        this.submitter = submitter;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.servicesLocation = servicesLocation;
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
        Path resultFile = workDirectory.resolve("egress-" + key + "-" + attempt + ".properties");
        EgressJobOptions options = jobOptions(run, resultFile, jobJar, attempt);
        EngineJob job = new EngineJob("egress-" + key, MAIN_CLASS, jobJar, List.of(), settings.jvmOptions(), Map.of(),
                options.toArguments(), workDirectory, settings.timeout());
        log.info("Landing run {} of service {} from {} with the Flink egress job ({})", key, options.service(), options.topic(),
                options.flinkRest().map(URI::toString).orElse("embedded mini cluster"));
        EngineResult result = submitter.run(job, line -> log.info("[flink] {}", line));
        EgressJobResult report = null;
        String unreadable = null;
        if (Files.exists(resultFile)) {
            try {
                report = EgressJobResult.readFrom(resultFile);
            } catch (IOException e) {
                unreadable = e.getMessage();
            }
        }
        if (!result.succeeded() || report == null || !report.succeeded()) {
            String why = report != null && report.error() != null ? report.error()
                    : unreadable != null ? unreadable
                    : "exit code " + result.exitCode() + ": " + String.join(" | ", result.lastLines());
            ledger.failPhase(key, Phase.EGRESS, PhaseCounts.NONE, why);
            throw new IllegalStateException("Flink egress job failed for run " + key + ": " + why);
        }
        PhaseCounts counts = new PhaseCounts(report.recordsRead(), 0, 0, 0, 0, report.duplicatesDropped(), report.landedTotal());
        ledger.recordTopicOffsets(key, Phase.EGRESS, options.topic(), report.stoppingOffsets());
        String summary = String.format("read %,d results, dropped %,d duplicates, landed %,d rows in %s (%,d rows/s) at %s",
                counts.read(), counts.duplicates(), counts.landed(), report.landedByDt(), report.rowsPerSecond(),
                report.runDirectory());
        ledger.completePhase(key, Phase.EGRESS, counts, summary);
        log.info("Egress of run {}: {}", key, summary);
        return counts;
    }

    /** The job's options for a run: its service and landing, the catalogue the job loads the service from, this attempt's result file. */
    EgressJobOptions jobOptions(LedgerRun run, Path resultFile, Path jobJar, String attempt) {
        Optional<URI> flinkRest = Optional.ofNullable(settings.flinkRest()).filter(rest -> !rest.isBlank()).map(URI::create);
        return new EgressJobOptions(bootstrapServers, run.parameters().service(), run.runKey(), run.parameters().landing(),
                servicesLocation, Optional.empty(), Optional.of(resultFile),
                settings.parallelismFor(run.topicPartitions(), Runtime.getRuntime().availableProcessors()), attempt, Map.of(), flinkRest,
                flinkRest.map(rest -> jobJar));
    }
}
