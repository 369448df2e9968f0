package io.offstream.tasks.ingress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.IngressJobResult;
import io.offstream.contract.layout.RunLayout;
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
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The ingress phase's logic for one planned partition: skip it when the ledger says it is
 * published, else submit the Spark job on exactly its pinned files (arguments from
 * {@link PartitionJobOptions}), record the job's {@link IngressJobResult} (counts, reject reasons,
 * the topic's end offsets), and log progress.
 */
class PartitionIngestor {

    private static final Logger log = LoggerFactory.getLogger(PartitionIngestor.class);

    private final RunLedger ledger;
    private final IngressProperties options;
    private final KafkaProperties kafka;
    private final ServicesProperties services;
    private final SparkIngressJob sparkJob;
    private final Path workRoot;
    private final long startNanos = System.nanoTime();
    private long rowsThisLaunch;

    PartitionIngestor(RunLedger ledger, IngressProperties options, KafkaProperties kafka, ServicesProperties services,
            SparkIngressJob sparkJob, Path workRoot) {
        this.ledger = ledger;
        this.options = options;
        this.kafka = kafka;
        this.services = services;
        this.sparkJob = sparkJob;
        this.workRoot = workRoot;
    }

    void ingest(LedgerRun run, PlannedPartition partition, Long taskExecutionId) throws Exception {
        String runKey = run.runKey();
        var existing = ledger.partition(runKey, Phase.INGRESS, partition.date());
        if (existing.map(PhaseRecord::completed).orElse(false)) {
            log.info("dt={} of run {} is already published ({}): skipped", partition.date(), runKey, existing.get().counts());
            logProgress(run);
            return;
        }
        ledger.startPartition(runKey, Phase.INGRESS, partition.date(), taskExecutionId);
        try {
            publish(run, partition);
        } catch (Exception e) {
            ledger.failPartition(runKey, Phase.INGRESS, partition.date(), e.getMessage());
            throw e;
        }
    }

    private void publish(LedgerRun run, PlannedPartition partition) throws Exception {
        String runKey = run.runKey();
        if (partition.files().isEmpty()) {
            ledger.completePartition(runKey, Phase.INGRESS, partition.date(), PhaseCounts.NONE, "empty partition: no files");
            log.info("dt={} of run {} is empty: nothing to publish", partition.date(), runKey);
            logProgress(run);
            return;
        }
        Path work = Files.createDirectories(workRoot.resolve(runKey).resolve(RunLayout.dayFolder(partition.date())));
        Path manifest = work.resolve("manifest.tsv");
        Path resultFile = work.resolve("result.properties");
        Files.deleteIfExists(resultFile);
        List<String> lines = new ArrayList<>();
        for (ManifestFile f : partition.files()) {
            lines.add(f.uri() + "\t" + f.size() + "\t" + f.modificationTime().toEpochMilli());
        }
        Files.write(manifest, lines, StandardCharsets.UTF_8);
        List<String> args = PartitionJobOptions.of(run, partition, manifest, resultFile, options, kafka, services.locationUri()).toArguments();
        String name = "ingress-" + partition.date();
        log.info("dt={}: submitting the Spark ingress job ({} file(s), {} bytes, engine {}, master {})", partition.date(),
                partition.files().size(), partition.totalBytes(), options.getEngine(), options.getMaster());
        EngineResult result;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingress-progress");
            t.setDaemon(true);
            return t;
        });
        long partitionStart = System.nanoTime();
        long interval = Math.max(1, options.getProgressInterval().toMillis());
        ticker.scheduleAtFixedRate(() -> log.info("dt={} running for {}; {}", partition.date(),
                PhaseLog.formatDuration(Duration.ofNanos(System.nanoTime() - partitionStart)), progressLine(run)),
                interval, interval, TimeUnit.MILLISECONDS);
        try {
            result = sparkJob.submitter().run(sparkJob.job(name, args, work), line -> log.info("[spark dt={}] {}", partition.date(), line));
        } finally {
            ticker.shutdownNow();
        }
        if (!result.succeeded() || !Files.exists(resultFile)) {
            String last = result.lastLines().stream().filter(l -> l.contains("[offstream]")).reduce((a, b) -> b)
                    .or(() -> result.lastLines().stream().filter(l -> l.contains("Exception")).reduce((a, b) -> b))
                    .orElse(result.lastLines().isEmpty() ? "(no output)" : result.lastLines().get(result.lastLines().size() - 1));
            String message = "Spark ingress job for dt=" + partition.date() + " failed with exit code " + result.exitCode() + " after "
                    + PhaseLog.formatDuration(result.duration()) + ": " + last;
            ledger.recordEvent(runKey, Phase.INGRESS, message);
            throw new IllegalStateException(message);
        }
        IngressJobResult r = IngressJobResult.read(resultFile);
        if (r.read() != r.rejected() + r.published()) {
            String message = "dt=" + partition.date() + ": read " + r.read() + " != rejected " + r.rejected() + " + published " + r.published();
            throw new IllegalStateException(message);
        }
        ledger.recordRejectCounts(runKey, partition.date(), r.rejectedByReason());
        ledger.recordTopicOffsets(runKey, Phase.INGRESS, run.topics().ingress(), r.endOffsets());
        String note = r.skippedCorruptFiles().isEmpty() ? null : "skipped corrupt files: " + r.skippedCorruptFiles();
        ledger.completePartition(runKey, Phase.INGRESS, partition.date(), PhaseCounts.ingress(r.read(), r.rejected(), r.published()), note);
        rowsThisLaunch += r.read();
        log.info("dt={} published: read {}, rejected {} {}, published {} in {} ({} rows/s){}", partition.date(), r.read(), r.rejected(),
                r.rejectedByReason(), r.published(), PhaseLog.formatDuration(Duration.ofMillis(r.durationMillis())),
                Math.round(r.rowsPerSecond()), note == null ? "" : "; " + note);
        logProgress(run);
    }

    private void logProgress(LedgerRun run) {
        String line = progressLine(run);
        log.info(line);
        ledger.recordEvent(run.runKey(), Phase.INGRESS, line);
    }

    private String progressLine(LedgerRun run) {
        int total = ledger.partitions(run.runKey()).size();
        int done = (int) ledger.partitions(run.runKey(), Phase.INGRESS).stream().filter(PhaseRecord::completed).count();
        return PhaseLog.progress("ingress of run " + run.runKey() + " partitions", done, total, rowsThisLaunch,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
