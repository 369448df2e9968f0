package io.offstream.tasks.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.PhaseStatus;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.validate.report.DeadLetterErrors;
import io.offstream.tasks.validate.report.RunReportWriter;
import io.offstream.tasks.validate.sort.KeySorter;
import io.offstream.tasks.validate.sort.SortSettings;
import io.offstream.tasks.validate.sort.SortedKeys;

/**
 * Gathers a run's evidence, each count from its own place (the ledger's ingress counts checked
 * against the pinned files' footers, the ingress and DLQ topics, the landed Parquet read by the
 * service's record key), reconciles it, writes the report and records the outcome in the ledger.
 * The files are counted too: the quarantine's rows must be the rejected rows the ledger holds, the readable
 * pinned files' rows the rows ingress read, and a pinned file ingress skipped fails the run unless allowed.
 * Keys are never held: each source's keys are sorted on disk as they are read, and compared as sorted streams.
 * Then, passed or failed, it writes the side's run report (an HTML page of the run's phases, series and counts).
 */
class RunValidator {

    private static final Logger log = LoggerFactory.getLogger(RunValidator.class);

    private final RunLedger ledger;

    private final TopicKeys topics;

    private final ParquetKeys parquet;

    private final SortSettings sorting;

    private final Reconciliation reconciliation;

    private final Configuration hadoop;

    private final ServicesProperties services;

    private final RunReportWriter runReports;

    private final boolean allowSkippedFiles;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    RunValidator(RunLedger ledger, TopicKeys topics, ParquetKeys parquet, SortSettings sorting, Reconciliation reconciliation,
            Configuration hadoop, ServicesProperties services, RunReportWriter runReports, boolean allowSkippedFiles) {
        this.ledger = ledger;
        this.topics = topics;
        this.parquet = parquet;
        this.sorting = sorting;
        this.reconciliation = reconciliation;
        this.hadoop = hadoop;
        this.services = services;
        this.runReports = runReports;
        this.allowSkippedFiles = allowSkippedFiles;
    }

    /**
     * Validates one side of the run: a plain run's one, or a simulation's baseline or candidate version
     * (the accepted rows are the shared ingress topic's; the dead-lettered and landed ones the side's own).
     */
    ValidationReport validate(LedgerRun run, RunSide.Which which, Long taskExecutionId) throws IOException {
        String key = run.runKey();
        PhaseRecord ingress = ledger.phase(key, Phase.INGRESS).filter(PhaseRecord::completed).orElseThrow(() ->
                new IllegalStateException("Ingress has not completed for run " + key + ": nothing to validate yet"));
        RunSide side = run.side(which);
        Phase phase = side.phase(Phase.VALIDATE);
        ServiceDefinition service = services.load(side.service());
        LandedKey landedKey = LandedKey.of(service);
        RunLayout layout = side.layout();
        ledger.startPhase(key, phase, taskExecutionId);
        long sourceRows = ingress.counts().read();
        PinnedRows pinned = pinnedRows(run);
        ValidationReport report;
        DeadLetterErrors deadLetterErrors = new DeadLetterErrors();
        try (KeySorter accepted = sorting.sorter("accepted"); KeySorter deadLettered = sorting.sorter("dead-lettered");
                KeySorter landed = sorting.sorter("landed")) {
            // One source after the other, each sorted (its buffer spilled and given back) before the next is read,
            // so only one sorter's buffer is in memory at a time.
            long started = System.nanoTime();
            // progress: keys read of the three sources, one point after each (ingress published + results landed
            // is the total to read, dead letters aside)
            long toRead = ingress.counts().published() + ledger.phase(key, side.phase(Phase.EGRESS)).map(p -> p.counts().landed()).orElse(0L);
            keysRead(key, phase, 0, toRead);
            topics.readKeys(side.topics().ingress(), ledger.topicOffsets(key, Phase.INGRESS, side.topics().ingress()), accepted);
            SortedKeys acceptedKeys = accepted.sorted();
            keysRead(key, phase, accepted.added(), toRead);
            topics.readKeys(side.topics().dlq(), Map.of(), deadLettered, deadLetterErrors::add);
            SortedKeys deadLetteredKeys = deadLettered.sorted();
            parquet.keysUnder(layout.runDirectory(), landedKey, landed);
            SortedKeys landedKeys = landed.sorted();
            keysRead(key, phase, accepted.added() + landed.added(), toRead);
            log.info("Run {}: read and sorted {} accepted, {} dead-lettered and {} landed keys in {} s (spilled under {})", key,
                    accepted.added(), deadLettered.added(), landed.added(), (System.nanoTime() - started) / 1_000_000_000, sorting.spillDirectory());
            RunEvidence evidence = new RunEvidence(sourceRows, ingress.counts().rejected(), ledger.rejectCounts(key), acceptedKeys,
                    deadLetteredKeys, landedKeys);
            report = reconciliation.reconcile(key, service.name(), landedKey.fields(), evidence);
        }
        report = checkFiles(report, run, sourceRows, pinned);
        URI written = write(layout.validationReport(), report);
        PhaseCounts counts = new PhaseCounts(report.sourceRows(), report.rejectedRows(), report.accepted(), 0,
                report.deadLettered(), report.landedRows() - report.landedDistinct(), report.landedDistinct());
        String line = report.summary() + " (report " + written + ")";
        if (report.passed()) {
            ledger.completePhase(key, phase, counts, line);
            log.info("Validation of run {} {}", key, line);
        }
        else {
            ledger.failPhase(key, phase, counts, line);
            log.error("Validation of run {} {}", key, line);
        }
        ledger.updateRunStatus(key, runStatus(run));
        writeRunReport(run, which, report, deadLetterErrors);
        return report;
    }

    /**
     * The run's status (OFFSTREAM_RUN.STATUS) once this side is validated: FAILED when a side's
     * validation failed, PASSED when every side of the run (both of a simulation) passed, else VALIDATING.
     */
    private String runStatus(LedgerRun run) {
        List<PhaseStatus> validations = run.sides().stream().map(side -> ledger.phase(run.runKey(), side.phase(Phase.VALIDATE))
                .map(PhaseRecord::status).orElse(PhaseStatus.RUNNING)).toList();
        if (validations.contains(PhaseStatus.FAILED)) {
            return "FAILED";
        }
        return validations.stream().allMatch(PhaseStatus.COMPLETED::equals) ? "PASSED" : "VALIDATING";
    }

    /** The run report is a view of the run: when it cannot be written, the validation's outcome stands and the log says why. */
    private void writeRunReport(LedgerRun run, RunSide.Which which, ValidationReport report, DeadLetterErrors deadLetterErrors) {
        try {
            log.info("Run report: {}", runReports.write(run, which, report, deadLetterErrors));
        }
        catch (IOException | RuntimeException e) {
            log.warn("Could not write the run report of run {} ({}): {}", run.runKey(), which, e.toString(), e);
        }
    }

    /** A point of the phase's time series and a progress line: keys read so far of those to read. */
    private void keysRead(String key, Phase phase, long read, long toRead) {
        try {
            ledger.recordSamples(key, phase, List.of(new RunSample(phase, RunSample.ROWS, Instant.now(), read, toRead)));
            String line = String.format("validate of run %s: %,d of %,d keys read", key, read, toRead);
            ledger.recordEvent(key, phase, line);
            log.info(line);
        }
        catch (RuntimeException e) {
            log.debug("Progress point of {} skipped: {}", key, e.getMessage());
        }
    }

    /**
     * The counts the files give, checked against the ledger's: the readable pinned files' rows against the rows ingress
     * read, the quarantine's rows against the rows it rejected; a pinned file that cannot be read (ingress skipped it)
     * is named and fails the run unless {@code offstream.validate.allow-skipped-files}.
     */
    private ValidationReport checkFiles(ValidationReport report, LedgerRun run, long sourceRows, PinnedRows pinned) throws IOException {
        ValidationReport checked = report;
        if (pinned.rows() != sourceRows) {
            checked = checked.withProblem(String.format("ingress read %,d rows but the %s hold %,d", sourceRows,
                    pinned.unreadable().isEmpty() ? "pinned files" : "readable pinned files", pinned.rows()));
        }
        if (!pinned.unreadable().isEmpty() && !allowSkippedFiles) {
            checked = checked.withProblem(String.format("%d pinned file(s) could not be read, so their rows are in no count: %s;"
                    + " set offstream.validate.allow-skipped-files=true to accept the run without them", pinned.unreadable().size(),
                    pinned.unreadable()));
        }
        URI quarantine = run.parameters().layout().quarantine(); // the shared ingress's, filed under the baseline
        java.util.OptionalLong quarantined = parquet.rowsUnder(quarantine);
        long rejected = checked.rejectedRows();
        if (quarantined.isEmpty() && rejected > 0) {
            checked = checked.withProblem(String.format("ingress rejected %,d rows but the quarantine %s is not there", rejected, quarantine));
        } else if (quarantined.isPresent() && quarantined.getAsLong() != rejected) {
            checked = checked.withProblem(String.format("the quarantine %s holds %,d rows but ingress recorded %,d rejected", quarantine,
                    quarantined.getAsLong(), rejected));
        }
        return checked.withFiles(quarantined.isPresent() ? quarantined.getAsLong() : null, pinned.unreadable());
    }

    /** The rows the readable pinned files' footers declare, and the pinned files that cannot be read. */
    private PinnedRows pinnedRows(LedgerRun run) {
        long rows = 0;
        List<String> unreadable = new java.util.ArrayList<>();
        for (PlannedPartition partition : ledger.partitions(run.runKey())) {
            for (ManifestFile file : partition.files()) {
                try {
                    rows += parquet.rowCount(URI.create(file.uri()));
                }
                catch (IOException | RuntimeException e) {
                    log.warn("Cannot read the footer of pinned file {}: {}", file.uri(), e.getMessage());
                    unreadable.add(file.uri());
                }
            }
        }
        return new PinnedRows(rows, unreadable);
    }

    private record PinnedRows(long rows, List<String> unreadable) {
    }

    private URI write(URI target, ValidationReport report) throws IOException {
        Path path = new Path(target);
        FileSystem fs = path.getFileSystem(hadoop);
        fs.setWriteChecksum(false); // no hidden .crc file beside what users open
        try (OutputStream out = fs.create(path, true)) {
            json.writeValue(out, report);
        }
        return target;
    }
}
