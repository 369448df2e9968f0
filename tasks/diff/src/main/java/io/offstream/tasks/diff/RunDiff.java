package io.offstream.tasks.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.contract.jobs.DiffJobResult;
import io.offstream.contract.service.ServiceDescriptor;
import io.offstream.tasks.support.batch.PhaseLog;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.engine.SparkJobSubmission;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;

/**
 * The diff phase's logic: a simulation whose two versions have both landed (EGRESS and
 * EGRESS_CANDIDATE completed) is compared by the Spark diff job, the baseline's landing as A and the
 * candidate's as B, joined by the baseline's key fields, skipping the fields either version's
 * descriptor lists under {@code diff.ignore}. The ledger's DIFF phase records the attempt, and the
 * counts and the summary's location at its end (or why it failed). A rerun replaces the output.
 */
class RunDiff {

    static final String MAIN_CLASS = "io.offstream.tasks.diff.spark.DiffSparkJob";

    /** Where the task jar packs the Spark job module (see pom.xml), as offstream-ingress does. */
    static final String EMBEDDED = "spark-ingress-job";
    static final String JAR_PREFIX = "offstream-spark-ingress-job-";

    private static final Logger log = LoggerFactory.getLogger(RunDiff.class);

    private final RunLedger ledger;
    private final ServicesProperties services;
    private final DiffProperties options;
    private final SparkJobSubmission spark;
    private final Path workRoot;

    RunDiff(RunLedger ledger, ServicesProperties services, DiffProperties options, SparkJobSubmission spark, Path workRoot) {
        this.ledger = ledger;
        this.services = services;
        this.options = options;
        this.spark = spark;
        this.workRoot = workRoot;
    }

    /**
     * The ledger's run of these arguments, once it is a simulation whose two versions have both
     * landed; an {@link IllegalStateException} saying in one line what is missing otherwise.
     */
    LedgerRun comparableRun(RunParameters params) {
        if (!params.simulation()) {
            throw new IllegalStateException("offstream.run.candidate is not set: diff compares a simulation's two versions");
        }
        String key = params.runKey();
        LedgerRun run = ledger.findRun(key).orElseThrow(() -> new IllegalStateException("Run " + key
                + " is not planned: run offstream-plan with the same offstream.run.* arguments first"));
        if (!run.parameters().sameRunAs(params)) {
            throw new IllegalStateException("Run " + key + " was planned with other arguments: " + run.parameters());
        }
        List<String> notLanded = new ArrayList<>();
        for (RunSide.Which which : RunSide.Which.values()) {
            RunSide side = run.side(which);
            Phase egress = side.phase(Phase.EGRESS);
            Optional<PhaseRecord> record = ledger.phase(key, egress);
            if (record.filter(PhaseRecord::completed).isEmpty()) {
                notLanded.add("the " + which.name().toLowerCase(Locale.ROOT) + "'s egress (" + side.service() + ", phase " + egress + ") "
                        + record.map(r -> "is " + r.status()).orElse("has not run"));
            }
        }
        if (!notLanded.isEmpty()) {
            throw new IllegalStateException("Run " + key + ": " + String.join(" and ", notLanded)
                    + "; diff compares both versions' completed landings");
        }
        return run;
    }

    /**
     * The job's options: landing A the baseline's, B the candidate's, joined by the baseline's key;
     * ignored the union of both descriptors' {@code diff.ignore} (key fields aside: they are joined
     * on); the output under the baseline's layout.
     */
    DiffJobOptions jobOptions(LedgerRun run, Path resultFile) {
        RunSide baseline = run.side(RunSide.Which.BASELINE);
        RunSide candidate = run.side(RunSide.Which.CANDIDATE);
        ServiceDescriptor a = services.load(baseline.service()).descriptor();
        ServiceDescriptor b = services.load(candidate.service()).descriptor();
        Set<String> ignored = new LinkedHashSet<>(a.diffIgnore());
        ignored.addAll(b.diffIgnore());
        if (ignored.removeAll(a.key())) {
            log.warn("Run {}: diff.ignore names key fields of {} {}; they are joined on, not compared", run.runKey(), baseline.service(),
                    a.key());
        }
        return new DiffJobOptions(baseline.layout().runDirectory(), candidate.layout().runDirectory(), a.key(), List.copyOf(ignored),
                baseline.layout().diffDirectory(), options.getSampleSize(), Optional.of(resultFile));
    }

    /** Runs the Spark diff job over the run's two landings and records the DIFF phase. */
    DiffJobResult diff(LedgerRun run, Long taskExecutionId) throws Exception {
        String key = run.runKey();
        Path work = Files.createDirectories(workRoot.resolve(key));
        Path resultFile = work.resolve("diff-result.properties");
        Files.deleteIfExists(resultFile);
        DiffJobOptions job = jobOptions(run, resultFile);
        ledger.startPhase(key, Phase.DIFF, taskExecutionId);
        log.info("Diff of run {}: A {} against B {} by {}, ignoring {}; engine {}, master {}", key, job.landingA(), job.landingB(),
                job.keyFields(), job.ignoredFields(), options.getEngine(), options.getMaster());
        try {
            EngineResult ended = spark.submitter().run(spark.job("diff-" + key, MAIN_CLASS, job.toArguments(), work, options.getTimeout()),
                    line -> log.info("[spark] {}", line));
            if (!ended.succeeded() || !Files.isRegularFile(resultFile)) {
                throw new IllegalStateException("Spark diff job of run " + key + " failed after " + PhaseLog.formatDuration(ended.duration())
                        + (ended.succeeded() ? ": it wrote no result" : " with exit code " + ended.exitCode() + ": " + lastProblem(ended)));
            }
            DiffJobResult result = DiffJobResult.read(resultFile);
            String line = result.summaryLine() + "; summary " + result.summary();
            ledger.completePhase(key, Phase.DIFF, new PhaseCounts(result.keys(), 0, 0, 0, 0, 0, 0), line);
            ledger.recordEvent(key, Phase.DIFF, line);
            log.info("Diff of run {}: {}", key, line);
            return result;
        } catch (Exception e) {
            ledger.failPhase(key, Phase.DIFF, PhaseCounts.NONE, e.getMessage());
            ledger.recordEvent(key, Phase.DIFF, "diff failed: " + e.getMessage());
            throw e;
        }
    }

    /** The job's own failure line, else its last exception, else its last line. */
    private static String lastProblem(EngineResult result) {
        List<String> lines = result.lastLines();
        return lines.stream().filter(l -> l.contains("[offstream]") && l.contains("failed")).reduce((a, b) -> b)
                .or(() -> lines.stream().filter(l -> l.contains("Exception")).reduce((a, b) -> b))
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }
}
