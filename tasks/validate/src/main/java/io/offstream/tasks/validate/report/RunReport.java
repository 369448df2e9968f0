package io.offstream.tasks.validate.report;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.validate.ValidationReport;

/**
 * What the run report of one side shows, gathered by {@link RunReportCollector}: only aggregates and
 * the phases' time series, so its size does not grow with the run's rows.
 *
 * @param service      this side's service (a simulation's baseline or candidate)
 * @param baseline     the run's service (the baseline in a simulation)
 * @param candidate    a simulation's candidate; null for a plain run
 * @param side         {@code BASELINE} or {@code CANDIDATE}
 * @param throughput   per phase, rows per second between samples
 * @param lag          per consumer group, its lag over time
 * @param rejects      rejected rows by reason (and field, from the quarantine)
 * @param rejectsFrom  where the rejects were counted: the quarantine folder, or the ledger when it is absent
 * @param deadLetters  this side's DLQ records by error class
 * @param partitions   per planned day: ingress's counts and this side's landed rows
 * @param diff         a simulation's comparison of its two versions; null when there is none
 * @param notes        what could not be read, in words (the page says so where the figures would be)
 */
public record RunReport(String runKey, String service, String baseline, String candidate, String side, URI dataset, LocalDate from,
        LocalDate to, Instant snapshotTime, Instant writtenAt, ValidationReport validation, List<PhaseRecord> phases,
        Map<String, List<RunSeries.Point>> throughput, Map<String, List<RunSeries.Point>> lag, Map<String, Long> rejects, String rejectsFrom,
        DeadLetterErrors deadLetters, List<DayCounts> partitions, List<Link> links, DiffSummary diff,
        List<String> notes) {

    /** How many error classes and reasons a chart shows on their own; the rest are summed as "other". */
    public static final int TOP = 20;

    /**
     * One planned day: ingress's partition row (null counts when ingress has none) and the rows landed in its
     * dt= folder (null when the side's landing has no Parquet for the day).
     */
    public record DayCounts(LocalDate day, String status, Long read, Long rejected, Long published, Long landed) {
    }

    /** A link of the report: what it points at and where (relative to the report's folder when both are under the landing root). */
    public record Link(String label, String href) {
    }

    public boolean simulation() {
        return candidate != null;
    }
}
