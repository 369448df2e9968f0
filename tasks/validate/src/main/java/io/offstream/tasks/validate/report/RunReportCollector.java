package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.contract.layout.RunLayout;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.validate.ValidationReport;

/**
 * Gathers one side's {@link RunReport}: the ledger's phases, samples and ingress partitions, the
 * quarantine's reasons (the shared ingress's, filed under the baseline), the side's landed rows per
 * day, and in a simulation the diff summary. A source that cannot be read leaves a note on the page
 * instead of its figures: the report is a view of the run, it never fails it.
 */
public class RunReportCollector {

    private static final Logger log = LoggerFactory.getLogger(RunReportCollector.class);

    private final RunLedger ledger;

    private final ReportParquet parquet;

    private final Configuration hadoop;

    private final Clock clock;

    public RunReportCollector(RunLedger ledger, Configuration hadoop, Clock clock) {
        this.ledger = ledger;
        this.parquet = new ReportParquet(hadoop);
        this.hadoop = hadoop;
        this.clock = clock;
    }

    /** The report of {@code which} side, with the validation just made and the side's DLQ errors read while validating. */
    public RunReport collect(LedgerRun run, RunSide.Which which, ValidationReport validation, DeadLetterErrors deadLetters) {
        String key = run.runKey();
        RunSide side = run.side(which);
        RunLayout baseline = run.parameters().layout();
        List<String> notes = new ArrayList<>();
        List<RunSample> samples = ledger.samples(key);

        Optional<TopCounts> quarantined = read(notes, "the quarantine " + baseline.quarantine(), Optional.empty(),
                () -> parquet.rejectsUnder(baseline.quarantine()));
        Map<String, Long> rejects = quarantined.map(c -> c.top(RunReport.TOP)).orElseGet(() -> {
            TopCounts byReason = new TopCounts(Integer.MAX_VALUE);
            ledger.rejectCounts(key).forEach(byReason::add);
            return byReason.top(RunReport.TOP);
        });
        Map<LocalDate, Long> landed = read(notes, "the landing " + side.layout().runDirectory(), Map.of(),
                () -> parquet.rowsPerDay(side.layout().runDirectory()));
        URI diffFile = URI.create(baseline.diffDirectory() + DiffJobOptions.SUMMARY_FILE);
        DiffSummary diff = run.parameters().simulation()
                ? read(notes, diffFile.toString(), Optional.<DiffSummary>empty(), () -> DiffSummary.read(diffFile, hadoop)).orElse(null)
                : null;

        return new RunReport(key, side.service(), run.parameters().service(), run.parameters().candidate(), which.name(),
                run.parameters().dataset(), run.parameters().from(), run.parameters().to(), run.snapshotTime(), clock.instant(),
                validation, chronological(ledger.phases(key)), RunSeries.throughput(samples), RunSeries.lag(samples), rejects,
                quarantined.isPresent() ? "quarantine" : "ledger", deadLetters, days(run, landed), links(run, side, diffFile, diff != null),
                diff, notes);
    }

    /** The phase rows in the order they started (a row not started yet last), as a timeline reads. */
    private static List<PhaseRecord> chronological(List<PhaseRecord> phases) {
        return phases.stream().sorted(Comparator.comparing(PhaseRecord::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** Every day planned, ingressed or landed: ingress's counts of it and this side's landed rows. */
    private List<RunReport.DayCounts> days(LedgerRun run, Map<LocalDate, Long> landed) {
        Map<LocalDate, PhaseRecord> ingress = new TreeMap<>();
        ledger.partitions(run.runKey(), Phase.INGRESS).forEach(p -> ingress.put(p.partitionDate(), p));
        TreeSet<LocalDate> days = new TreeSet<>(ingress.keySet());
        days.addAll(landed.keySet());
        ledger.partitions(run.runKey()).stream().map(PlannedPartition::date).forEach(days::add);
        return days.stream().map(day -> {
            PhaseRecord row = ingress.get(day);
            return row == null
                    ? new RunReport.DayCounts(day, "", null, null, null, landed.get(day))
                    : new RunReport.DayCounts(day, row.status().name(), row.counts().read(), row.counts().rejected(),
                            row.counts().published(), landed.get(day));
        }).toList();
    }

    private static List<RunReport.Link> links(LedgerRun run, RunSide side, URI diffFile, boolean diffExists) {
        RunLayout layout = side.layout();
        URI from = layout.reportDirectory();
        URI root = layout.landingRoot();
        List<RunReport.Link> links = new ArrayList<>();
        links.add(new RunReport.Link("landed results of " + side.service(), ReportLinks.relative(root, from, layout.runDirectory())));
        links.add(new RunReport.Link("quarantine (rejected rows)", ReportLinks.relative(root, from, run.parameters().layout().quarantine())));
        links.add(new RunReport.Link("validation report (report.json)", ReportLinks.relative(root, from, layout.validationReport())));
        if (run.parameters().simulation()) {
            if (diffExists) {
                links.add(new RunReport.Link("diff summary (summary.json)", ReportLinks.relative(root, from, diffFile)));
            }
            RunSide other = run.side(side.which() == RunSide.Which.BASELINE ? RunSide.Which.CANDIDATE : RunSide.Which.BASELINE);
            links.add(new RunReport.Link("run report of " + other.service(),
                    ReportLinks.relative(root, from, URI.create(other.layout().reportDirectory() + RunReportWriter.PAGE))));
        }
        return links;
    }

    private static <T> T read(List<String> notes, String what, T otherwise, Source<T> source) {
        try {
            return source.read();
        }
        catch (IOException | RuntimeException e) {
            log.warn("Run report: cannot read {} ({}); the report goes without it", what, e.toString());
            notes.add("Could not read " + what + ": " + e);
            return otherwise;
        }
    }

    @FunctionalInterface
    private interface Source<T> {
        T read() throws IOException;
    }
}
