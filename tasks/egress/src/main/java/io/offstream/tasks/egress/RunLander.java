package io.offstream.tasks.egress;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressJobResult;
import io.offstream.contract.jobs.OptionsFile;
import io.offstream.contract.jobs.ProgressLine;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunSide;

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

    /** The task's Kafka client settings ({@code offstream.kafka.client.*}: security.protocol, sasl.*), forwarded to the job. */
    private final Map<String, String> kafkaClient;

    private final URI servicesLocation;

    RunLander(RunLedger ledger, EngineSubmitter submitter, EgressProperties settings, String bootstrapServers,
            Map<String, String> kafkaClient, URI servicesLocation) {
        this.ledger = ledger;
        this.submitter = submitter;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.kafkaClient = new TreeMap<>(kafkaClient);
        EgressJobOptions.OWNED_KAFKA_PROPERTIES.forEach(this.kafkaClient::remove);
        this.servicesLocation = servicesLocation;
    }

    /** Lands one side of the run: a plain run's one, or a simulation's baseline or candidate version. */
    PhaseCounts land(LedgerRun run, RunSide.Which which, Path jobJar, Path workDirectory, Long taskExecutionId)
            throws IOException, InterruptedException {
        String key = run.runKey();
        RunSide side = run.side(which);
        Phase egress = side.phase(Phase.EGRESS);
        if (settings.requireDrained() && !ledger.phase(key, side.phase(Phase.LAG_WAIT)).map(PhaseRecord::completed).orElse(false)) {
            throw new IllegalStateException("Run " + key + " has not drained for " + side.service() + " (lag-wait not completed): run "
                    + "offstream-lag-wait first, or set offstream.egress.require-drained=false");
        }
        ledger.startPhase(key, egress, taskExecutionId);
        Files.createDirectories(workDirectory);
        String attempt = "task-" + (taskExecutionId == null ? System.currentTimeMillis() : taskExecutionId);
        Path resultFile = workDirectory.resolve("egress-" + key + "-" + attempt + ".properties");
        EgressJobOptions options = jobOptions(run, side, resultFile, jobJar, attempt);
        // Kafka client settings (SASL, truststore passwords) go in a file only this user reads, not on the command line
        Path optionsFile = workDirectory.resolve("egress-" + key + "-" + attempt + ".options");
        EngineJob job = new EngineJob("egress-" + key, MAIN_CLASS, jobJar, List.of(), settings.jvmOptions(), Map.of(),
                OptionsFile.externalize(options.toArguments(), optionsFile, EgressJobOptions.KAFKA_PREFIX), workDirectory,
                settings.timeout());
        log.info("Landing run {} of service {} from {} with the Flink egress job ({})", key, options.service(), options.topic(),
                options.flinkRest().map(URI::toString).orElse("embedded mini cluster"));
        recordRows(key, egress, 0, null);
        EngineResult result;
        try {
            result = submitter.run(job, line -> {
                log.info("[flink] {}", line);
                ProgressLine.parse(line).ifPresent(p -> recordRows(key, egress, p.done(), p.total() < 0 ? null : p.total()));
            });
        } finally {
            Files.deleteIfExists(optionsFile);
        }
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
            ledger.failPhase(key, egress, PhaseCounts.NONE, why);
            throw new IllegalStateException("Flink egress job failed for run " + key + ": " + why);
        }
        PhaseCounts counts = new PhaseCounts(report.recordsRead(), 0, 0, 0, 0, report.duplicatesDropped(), report.landedTotal());
        ledger.recordTopicOffsets(key, egress, options.topic(), report.stoppingOffsets());
        String summary = String.format("read %,d results, dropped %,d duplicates, landed %,d rows in %s (%,d rows/s) at %s",
                counts.read(), counts.duplicates(), counts.landed(), report.landedByDt(), report.rowsPerSecond(),
                report.runDirectory());
        recordRows(key, egress, counts.read(), counts.read());
        ledger.completePhase(key, egress, counts, summary);
        log.info("Egress of run {}: {}", key, summary);
        return counts;
    }

    /** A point of the phase's time series: results read so far (the job's own count while it runs). */
    private void recordRows(String key, Phase phase, long read, Long total) {
        try {
            ledger.recordSamples(key, phase, List.of(new RunSample(phase, RunSample.ROWS, Instant.now(), read, total)));
        }
        catch (RuntimeException e) {
            log.debug("Progress point of {} skipped: {}", key, e.getMessage());
        }
    }

    /**
     * The job's options for a side of a run: its service (whose egress topic and landing the job derives,
     * and whose response schema it writes), the catalogue the job loads the service from, this attempt's result file.
     */
    EgressJobOptions jobOptions(LedgerRun run, RunSide side, Path resultFile, Path jobJar, String attempt) {
        Optional<URI> flinkRest = settings.remoteCluster();
        return new EgressJobOptions(bootstrapServers, side.service(), run.runKey(), run.parameters().landing(),
                servicesLocation, Optional.empty(), Optional.of(resultFile),
                settings.parallelismFor(run.topicPartitions(), Runtime.getRuntime().availableProcessors()), attempt, kafkaClient, flinkRest,
                flinkRest.map(rest -> jobJar));
    }
}
