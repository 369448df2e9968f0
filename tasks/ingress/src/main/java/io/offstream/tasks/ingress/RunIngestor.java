package io.offstream.tasks.ingress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.jobs.OptionsFile;
import io.offstream.contract.jobs.IngressJobResult;
import io.offstream.contract.jobs.PinnedManifestLine;
import io.offstream.tasks.support.batch.PhaseLog;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The ingress phase's logic: the partitions the ledger does not have as published (empty ones are
 * recorded at once) go to one Spark application, on exactly their pinned files (options from
 * {@link RunJobOptions}). The job writes each partition's {@link IngressJobResult} as soon as the
 * partition is published; this records it in the ledger (counts, reject reasons, the topic's end
 * offsets) while the job goes on, so a job that fails later, or a task that is killed, leaves the
 * published partitions recorded, and a restart submits only the others.
 */
class RunIngestor {

    private static final Logger log = LoggerFactory.getLogger(RunIngestor.class);

    private final RunLedger ledger;
    private final IngressProperties options;
    private final KafkaProperties kafka;
    private final ServicesProperties services;
    private final SparkIngressJob sparkJob;
    private final Path workRoot;
    private final long startNanos = System.nanoTime();
    private long rowsThisLaunch;

    RunIngestor(RunLedger ledger, IngressProperties options, KafkaProperties kafka, ServicesProperties services, SparkIngressJob sparkJob,
            Path workRoot) {
        this.ledger = ledger;
        this.options = options;
        this.kafka = kafka;
        this.services = services;
        this.sparkJob = sparkJob;
        this.workRoot = workRoot;
    }

    void ingest(LedgerRun run, Long taskExecutionId) throws Exception {
        String runKey = run.runKey();
        List<PlannedPartition> toPublish = new ArrayList<>();
        for (PlannedPartition partition : ledger.partitions(runKey)) {
            var existing = ledger.partition(runKey, Phase.INGRESS, partition.date());
            if (existing.map(PhaseRecord::completed).orElse(false)) {
                log.info("dt={} of run {} is already published ({}): skipped", partition.date(), runKey, existing.get().counts());
            } else if (partition.files().isEmpty()) {
                ledger.startPartition(runKey, Phase.INGRESS, partition.date(), taskExecutionId);
                ledger.completePartition(runKey, Phase.INGRESS, partition.date(), PhaseCounts.NONE, "empty partition: no files");
                log.info("dt={} of run {} is empty: nothing to publish", partition.date(), runKey);
            } else {
                toPublish.add(partition);
            }
        }
        if (!toPublish.isEmpty()) {
            publish(run, toPublish, taskExecutionId);
        }
        logProgress(run);
    }

    private void publish(LedgerRun run, List<PlannedPartition> partitions, Long taskExecutionId) throws Exception {
        String runKey = run.runKey();
        Path work = Files.createDirectories(workRoot.resolve(runKey));
        Path manifest = work.resolve("manifest.tsv");
        Path results = work.resolve("results");
        deleteResults(results);
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (PlannedPartition partition : partitions) {
            for (ManifestFile f : partition.files()) {
                lines.add(new PinnedManifestLine(partition.date(), f.uri(), f.size(), f.modificationTime().toEpochMilli()).toLine());
            }
            bytes += partition.totalBytes();
            ledger.startPartition(runKey, Phase.INGRESS, partition.date(), taskExecutionId);
        }
        Files.write(manifest, lines, StandardCharsets.UTF_8);
        IngressJobOptions jobOptions = RunJobOptions.of(run, manifest, results, options, kafka, services.locationUri());
        Set<PlannedPartition> unrecorded = new LinkedHashSet<>(partitions);
        log.info("Submitting the Spark ingress job for {} partition(s) of run {}, {} to {} ({} file(s), {} bytes, engine {}, master {})",
                partitions.size(), runKey, partitions.get(0).date(), partitions.get(partitions.size() - 1).date(), lines.size(), bytes,
                options.getEngine(), options.getMaster());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingress-progress");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(1, Math.min(2_000, options.getProgressInterval().toMillis()));
        long started = System.nanoTime();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                recordPublished(run, jobOptions, unrecorded);
            } catch (RuntimeException e) { // recorded as failed; the end of the job reports it
                log.error("Recording a published partition failed: {}", e.getMessage());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(() -> log.info("ingress of run {} running for {}; {}", runKey,
                PhaseLog.formatDuration(Duration.ofNanos(System.nanoTime() - started)), progressLine(run)),
                options.getProgressInterval().toMillis(), options.getProgressInterval().toMillis(), TimeUnit.MILLISECONDS);
        EngineResult result;
        // the producer's settings (SASL, truststore passwords) go in a file only this user reads, not on the command line
        Path optionsFile = work.resolve("ingress-" + runKey + ".options");
        List<String> arguments = OptionsFile.externalize(jobOptions.toArguments(), optionsFile, IngressJobOptions.PRODUCER_PREFIX);
        try {
            result = sparkJob.submitter().run(sparkJob.job("ingress-" + runKey, arguments, work, partitions.size()),
                    line -> log.info("[spark] {}", line));
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(1, TimeUnit.MINUTES);
            Files.deleteIfExists(optionsFile);
        }
        recordPublished(run, jobOptions, unrecorded);
        if (unrecorded.isEmpty() && result.succeeded()) {
            return;
        }
        String why = result.succeeded() ? "it ended without reporting them" : "it failed with exit code " + result.exitCode() + ": "
                + lastProblem(result);
        String message = "Spark ingress job of run " + runKey + " did not publish " + dates(unrecorded) + " after "
                + PhaseLog.formatDuration(result.duration()) + ": " + why;
        for (PlannedPartition partition : unrecorded) {
            ledger.failPartition(runKey, Phase.INGRESS, partition.date(), message);
        }
        ledger.recordEvent(runKey, Phase.INGRESS, message);
        throw new IllegalStateException(message);
    }

    /** Records the partitions whose results the job has written since the last look. */
    private synchronized void recordPublished(LedgerRun run, IngressJobOptions jobOptions, Set<PlannedPartition> unrecorded) {
        for (var it = unrecorded.iterator(); it.hasNext(); ) {
            PlannedPartition partition = it.next();
            Path resultFile = jobOptions.resultFile(partition.date());
            if (!Files.exists(resultFile)) {
                continue;
            }
            try {
                record(run, partition, IngressJobResult.read(resultFile));
            } catch (IOException | RuntimeException e) {
                ledger.failPartition(run.runKey(), Phase.INGRESS, partition.date(), e.getMessage());
                throw new IllegalStateException("dt=" + partition.date() + ": " + e.getMessage(), e);
            }
            it.remove();
        }
    }

    private void record(LedgerRun run, PlannedPartition partition, IngressJobResult r) {
        String runKey = run.runKey();
        if (r.read() != r.rejected() + r.published()) {
            throw new IllegalStateException("read " + r.read() + " != rejected " + r.rejected() + " + published " + r.published());
        }
        ledger.recordRejectCounts(runKey, partition.date(), r.rejectedByReason());
        // partitions published at once finish in any order: the topic's end is the highest offset any of them saw
        Map<Integer, Long> endOffsets = new TreeMap<>(ledger.topicOffsets(runKey, Phase.INGRESS, run.topics().ingress()));
        r.endOffsets().forEach((topicPartition, offset) -> endOffsets.merge(topicPartition, offset, Math::max));
        ledger.recordTopicOffsets(runKey, Phase.INGRESS, run.topics().ingress(), endOffsets);
        String note = r.skippedCorruptFiles().isEmpty() ? null : "skipped corrupt files: " + r.skippedCorruptFiles();
        ledger.completePartition(runKey, Phase.INGRESS, partition.date(), PhaseCounts.ingress(r.read(), r.rejected(), r.published()), note);
        rowsThisLaunch += r.read();
        log.info("dt={} published: read {}, rejected {} {}, published {} in {} ({} rows/s){}", partition.date(), r.read(), r.rejected(),
                r.rejectedByReason(), r.published(), PhaseLog.formatDuration(Duration.ofMillis(r.durationMillis())),
                Math.round(r.rowsPerSecond()), note == null ? "" : "; " + note);
        logProgress(run);
    }

    private static void deleteResults(Path results) throws IOException {
        if (Files.isDirectory(results)) {
            try (var files = Files.list(results)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String lastProblem(EngineResult result) {
        return result.lastLines().stream().filter(l -> l.contains("[offstream]") && l.contains("fail")).reduce((a, b) -> b)
                .or(() -> result.lastLines().stream().filter(l -> l.contains("Exception")).reduce((a, b) -> b))
                .orElse(result.lastLines().isEmpty() ? "(no output)" : result.lastLines().get(result.lastLines().size() - 1));
    }

    private static String dates(Set<PlannedPartition> partitions) {
        return partitions.stream().map(p -> "dt=" + p.date()).toList().toString();
    }

    private void logProgress(LedgerRun run) {
        int done = partitionsDone(run);
        int total = ledger.partitions(run.runKey()).size();
        String line = progressLine(run, done, total);
        log.info(line);
        ledger.recordEvent(run.runKey(), Phase.INGRESS, line);
        ledger.recordSamples(run.runKey(), Phase.INGRESS, List.of(new RunSample(Phase.INGRESS, RunSample.PARTITIONS, Instant.now(),
                done, (long) total)));
    }

    private int partitionsDone(LedgerRun run) {
        return (int) ledger.partitions(run.runKey(), Phase.INGRESS).stream().filter(PhaseRecord::completed).count();
    }

    private String progressLine(LedgerRun run) {
        return progressLine(run, partitionsDone(run), ledger.partitions(run.runKey()).size());
    }

    private synchronized String progressLine(LedgerRun run, int done, int total) {
        return PhaseLog.progress("ingress of run " + run.runKey() + " partitions", done, total, rowsThisLaunch,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
