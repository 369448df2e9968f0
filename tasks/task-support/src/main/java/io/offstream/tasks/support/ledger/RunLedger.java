package io.offstream.tasks.support.ledger;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunPaths;
import io.offstream.contract.naming.RunTopics;

/**
 * The run ledger's data access: every phase task reads and writes the {@code OFFSTREAM_} tables
 * only through this class. Writes are idempotent (re-recording a partition replaces its row), so
 * a phase run twice leaves one set of rows.
 *
 * <p>A phase has one writer at a time: {@link #startPhase} takes the phase's lease for this process
 * (its {@link LeaseOwner}), renewed in the background until the phase is completed or failed, and
 * refuses while another live execution holds it. Its outcome is recorded only by the lease's holder.
 */
public class RunLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLedger.class);

    /** The lease of ledgers made without settings (tests, tools); tasks take {@code offstream.ledger.lease-ttl}. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LeaseOwner owner;
    private final Duration leaseTtl;

    /** The phases whose lease this ledger holds and renews, and those it lost while holding them. */
    private final Set<PhaseOfRun> held = ConcurrentHashMap.newKeySet();
    private final Set<PhaseOfRun> lost = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewer;

    public RunLedger(DataSource dataSource) {
        this(dataSource, LeaseOwner.current(), DEFAULT_LEASE_TTL);
    }

    public RunLedger(DataSource dataSource, LeaseOwner owner, Duration leaseTtl) {
        this.owner = owner;
        this.leaseTtl = leaseTtl;
        this.jdbc = new JdbcTemplate(dataSource);
        // Ledger writes commit on their own: a phase step that fails rolls its own transaction back,
        // and the ledger must still say that the partition failed.
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Migrates the ledger schema, then returns a ledger over it. */
    public static RunLedger migrated(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        return new RunLedger(dataSource);
    }

    // ---- runs and their plan -------------------------------------------------------------

    public Optional<LedgerRun> findRun(String runKey) {
        return jdbc.query("SELECT * FROM OFFSTREAM_RUN WHERE RUN_KEY = ?", this::mapRun, runKey).stream().findFirst();
    }

    /**
     * Records a run and its planned partitions with their pinned manifest, in one transaction,
     * unless the run is already recorded. Returns true when it was recorded by this call.
     */
    public boolean createRunIfAbsent(LedgerRun run, List<PlannedPartition> partitions) {
        Boolean created = tx.execute(status -> {
            if (findRun(run.runKey()).isPresent()) {
                return false;
            }
            RunParameters p = run.parameters();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO OFFSTREAM_RUN (RUN_KEY, SERVICE, DATASET, FROM_DATE, TO_DATE, LANDING, SNAPSHOT_TIME, "
                    + "INGRESS_TOPIC, EGRESS_TOPIC, DLQ_TOPIC, TOPIC_PARTITIONS, STATUS, CREATED_AT, UPDATED_AT, CANDIDATE_SERVICE) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.runKey(), p.service(), p.dataset().toString(), Date.valueOf(p.from()), Date.valueOf(p.to()),
                    p.landing().toString(), Timestamp.from(run.snapshotTime()), run.topics().ingress(), run.topics().egress(),
                    run.topics().dlq(), run.topicPartitions(), run.status(), now, now, p.candidate());
            for (PlannedPartition partition : partitions) {
                jdbc.update("INSERT INTO OFFSTREAM_PARTITION (RUN_KEY, PARTITION_DATE, FILE_COUNT, TOTAL_BYTES) VALUES (?, ?, ?, ?)",
                        p.runKey(), Date.valueOf(partition.date()), partition.files().size(), partition.totalBytes());
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < partition.files().size(); i++) {
                    ManifestFile f = partition.files().get(i);
                    rows.add(new Object[] {p.runKey(), Date.valueOf(partition.date()), i, f.uri(), f.size(),
                            Timestamp.from(f.modificationTime())});
                }
                jdbc.batchUpdate("INSERT INTO OFFSTREAM_MANIFEST_FILE (RUN_KEY, PARTITION_DATE, FILE_INDEX, FILE_URI, FILE_SIZE, "
                        + "MODIFICATION_TIME) VALUES (?, ?, ?, ?, ?, ?)", rows);
            }
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    /** The planned partitions of a run, in date order, each with its pinned files in order. */
    public List<PlannedPartition> partitions(String runKey) {
        Map<LocalDate, List<ManifestFile>> files = new TreeMap<>();
        jdbc.query("SELECT PARTITION_DATE FROM OFFSTREAM_PARTITION WHERE RUN_KEY = ? ORDER BY PARTITION_DATE",
                rs -> {
                    files.put(rs.getDate(1).toLocalDate(), new ArrayList<>());
                }, runKey);
        jdbc.query("SELECT PARTITION_DATE, FILE_URI, FILE_SIZE, MODIFICATION_TIME FROM OFFSTREAM_MANIFEST_FILE "
                + "WHERE RUN_KEY = ? ORDER BY PARTITION_DATE, FILE_INDEX", rs -> {
                    files.get(rs.getDate(1).toLocalDate()).add(
                            new ManifestFile(rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
                }, runKey);
        List<PlannedPartition> result = new ArrayList<>();
        files.forEach((date, list) -> result.add(new PlannedPartition(date, list)));
        return result;
    }

    public void updateRunStatus(String runKey, String status) {
        tx.executeWithoutResult(s -> jdbc.update("UPDATE OFFSTREAM_RUN SET STATUS = ?, UPDATED_AT = ? WHERE RUN_KEY = ?", status,
                Timestamp.from(Instant.now()), runKey));
    }

    // ---- phases --------------------------------------------------------------------------

    /**
     * Marks a phase (whole run) RUNNING, counting the attempt, and takes its lease.
     *
     * @throws PhaseLeaseException when another execution runs the phase: its lease is live and its holder
     *                             not known to be dead
     */
    public void startPhase(String runKey, Phase phase, Long taskExecutionId) {
        Instant now = Instant.now();
        String self = owner.toString();
        tx.executeWithoutResult(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT STATUS, LEASE_OWNER, LEASE_EXPIRES_AT, TASK_EXECUTION_ID "
                    + "FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? AND PHASE = ?", runKey, phase.name());
            if (rows.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO OFFSTREAM_PHASE (RUN_KEY, PHASE, STATUS, ATTEMPTS, TASK_EXECUTION_ID, STARTED_AT, LEASE_OWNER, "
                            + "LEASE_EXPIRES_AT) VALUES (?, ?, ?, 1, ?, ?, ?, ?)", runKey, phase.name(), PhaseStatus.RUNNING.name(),
                            taskExecutionId, Timestamp.from(now), self, Timestamp.from(now.plus(leaseTtl)));
                } catch (DuplicateKeyException raced) {
                    throw new PhaseLeaseException(String.format("phase %s of run %s was started by another execution at the same moment",
                            phase, runKey));
                }
                return;
            }
            Map<String, Object> row = rows.get(0);
            String holder = (String) row.get("LEASE_OWNER");
            Timestamp expires = (Timestamp) row.get("LEASE_EXPIRES_AT");
            boolean heldByAnother = PhaseStatus.RUNNING.name().equals(row.get("STATUS")) && holder != null && !holder.equals(self)
                    && expires != null && expires.toInstant().isAfter(now)
                    && !LeaseOwner.parse(holder).map(LeaseOwner::knownDead).orElse(false);
            if (heldByAnother) {
                throw new PhaseLeaseException(String.format("phase %s of run %s is already running in task execution %s (process %s,"
                        + " lease until %s): one execution at a time; stop that one, or start this again once it has ended",
                        phase, runKey, row.get("TASK_EXECUTION_ID"), holder, expires.toInstant()));
            }
            // compare-and-set on the holder read above: of two executions taking over at once, one wins
            int taken = jdbc.update("UPDATE OFFSTREAM_PHASE SET STATUS = ?, ATTEMPTS = ATTEMPTS + 1, TASK_EXECUTION_ID = ?, STARTED_AT = ?, "
                    + "ENDED_AT = NULL, MESSAGE = NULL, LEASE_OWNER = ?, LEASE_EXPIRES_AT = ? WHERE RUN_KEY = ? AND PHASE = ? AND "
                    + (holder == null ? "LEASE_OWNER IS NULL" : "LEASE_OWNER = ?"),
                    holder == null
                            ? new Object[] {PhaseStatus.RUNNING.name(), taskExecutionId, Timestamp.from(now), self,
                                    Timestamp.from(now.plus(leaseTtl)), runKey, phase.name()}
                            : new Object[] {PhaseStatus.RUNNING.name(), taskExecutionId, Timestamp.from(now), self,
                                    Timestamp.from(now.plus(leaseTtl)), runKey, phase.name(), holder});
            if (taken == 0) {
                throw new PhaseLeaseException(String.format("phase %s of run %s was started by another execution at the same moment",
                        phase, runKey));
            }
            if (holder != null && !holder.equals(self)) {
                log.warn("Phase {} of run {}: taking over from {} (task execution {}), {}", phase, runKey, holder, row.get("TASK_EXECUTION_ID"),
                        expires == null || !expires.toInstant().isAfter(now) ? "whose lease had expired" : "which has ended");
            }
        });
        PhaseOfRun lease = new PhaseOfRun(runKey, phase);
        lost.remove(lease);
        held.add(lease);
        renewInBackground();
    }

    /** Whether this process still holds the lease it took for the phase (false once another execution took it over). */
    public boolean holdsLease(String runKey, Phase phase) {
        PhaseOfRun lease = new PhaseOfRun(runKey, phase);
        return held.contains(lease) && !lost.contains(lease);
    }

    /** Marks a phase COMPLETED with its counts. */
    public void completePhase(String runKey, Phase phase, PhaseCounts counts, String message) {
        finish(runKey, phase, null, PhaseStatus.COMPLETED, counts, message);
    }

    /** Marks a phase FAILED with a message; counts are what it had reached. */
    public void failPhase(String runKey, Phase phase, PhaseCounts counts, String message) {
        finish(runKey, phase, null, PhaseStatus.FAILED, counts, message);
    }

    public Optional<PhaseRecord> phase(String runKey, Phase phase) {
        return jdbc.query("SELECT * FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? AND PHASE = ?",
                (rs, i) -> mapPhase(rs, null), runKey, phase.name()).stream().findFirst();
    }

    /** Marks one partition of a phase RUNNING, counting the attempt; refused once the phase's lease was lost. */
    public void startPartition(String runKey, Phase phase, LocalDate date, Long taskExecutionId) {
        if (lost.contains(new PhaseOfRun(runKey, phase))) {
            throw new PhaseLeaseException(String.format("phase %s of run %s was taken over by another execution: not starting partition %s",
                    phase, runKey, date));
        }
        start(runKey, phase, date, taskExecutionId);
    }

    public void completePartition(String runKey, Phase phase, LocalDate date, PhaseCounts counts, String message) {
        finish(runKey, phase, date, PhaseStatus.COMPLETED, counts, message);
    }

    public void failPartition(String runKey, Phase phase, LocalDate date, String message) {
        finish(runKey, phase, date, PhaseStatus.FAILED, PhaseCounts.NONE, message);
    }

    public Optional<PhaseRecord> partition(String runKey, Phase phase, LocalDate date) {
        return jdbc.query("SELECT * FROM OFFSTREAM_PHASE_PARTITION WHERE RUN_KEY = ? AND PHASE = ? AND PARTITION_DATE = ?",
                (rs, i) -> mapPhase(rs, rs.getDate("PARTITION_DATE").toLocalDate()), runKey, phase.name(), Date.valueOf(date))
                .stream().findFirst();
    }

    /** Every partition row of a phase, in date order. */
    public List<PhaseRecord> partitions(String runKey, Phase phase) {
        return jdbc.query("SELECT * FROM OFFSTREAM_PHASE_PARTITION WHERE RUN_KEY = ? AND PHASE = ? ORDER BY PARTITION_DATE",
                (rs, i) -> mapPhase(rs, rs.getDate("PARTITION_DATE").toLocalDate()), runKey, phase.name());
    }

    /** Sum of the COMPLETED partitions' counts of a phase. */
    public PhaseCounts completedPartitionTotals(String runKey, Phase phase) {
        return partitions(runKey, phase).stream().filter(PhaseRecord::completed).map(PhaseRecord::counts)
                .reduce(PhaseCounts.NONE, PhaseCounts::plus);
    }

    // ---- reasons, offsets, events ---------------------------------------------------------

    /** Replaces the reject counts of a partition by reason code. */
    public void recordRejectCounts(String runKey, LocalDate date, Map<String, Long> byReason) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM OFFSTREAM_REJECT_COUNT WHERE RUN_KEY = ? AND PARTITION_DATE = ?", runKey, Date.valueOf(date));
            byReason.forEach((reason, count) -> jdbc.update(
                    "INSERT INTO OFFSTREAM_REJECT_COUNT (RUN_KEY, PARTITION_DATE, REASON_CODE, ROW_COUNT) VALUES (?, ?, ?, ?)",
                    runKey, Date.valueOf(date), reason, count));
        });
    }

    /** Reject counts by reason over the whole run. */
    public Map<String, Long> rejectCounts(String runKey) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT REASON_CODE, SUM(ROW_COUNT) FROM OFFSTREAM_REJECT_COUNT WHERE RUN_KEY = ? GROUP BY REASON_CODE "
                + "ORDER BY REASON_CODE", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runKey);
        return counts;
    }

    /** Replaces the end offsets a phase recorded for a topic (partition → offset). */
    public void recordTopicOffsets(String runKey, Phase phase, String topic, Map<Integer, Long> endOffsets) {
        Timestamp now = Timestamp.from(Instant.now());
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM OFFSTREAM_TOPIC_OFFSET WHERE RUN_KEY = ? AND PHASE = ? AND TOPIC = ?", runKey, phase.name(), topic);
            endOffsets.forEach((partition, offset) -> jdbc.update("INSERT INTO OFFSTREAM_TOPIC_OFFSET "
                    + "(RUN_KEY, PHASE, TOPIC, TOPIC_PARTITION, END_OFFSET, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                    runKey, phase.name(), topic, partition, offset, now));
        });
    }

    /** The end offsets a phase recorded for a topic; empty when none were. */
    public Map<Integer, Long> topicOffsets(String runKey, Phase phase, String topic) {
        Map<Integer, Long> offsets = new TreeMap<>();
        jdbc.query("SELECT TOPIC_PARTITION, END_OFFSET FROM OFFSTREAM_TOPIC_OFFSET WHERE RUN_KEY = ? AND PHASE = ? AND TOPIC = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, runKey, phase.name(), topic);
        return offsets;
    }

    /** Appends a progress line or event of a phase. */
    public void recordEvent(String runKey, Phase phase, String message) {
        tx.executeWithoutResult(s -> jdbc.update("INSERT INTO OFFSTREAM_RUN_EVENT (RUN_KEY, PHASE, RECORDED_AT, MESSAGE) VALUES (?, ?, ?, ?)",
                runKey, phase.name(), Timestamp.from(Instant.now()), truncate(message)));
    }

    public List<String> events(String runKey, Phase phase) {
        return jdbc.queryForList("SELECT MESSAGE FROM OFFSTREAM_RUN_EVENT WHERE RUN_KEY = ? AND PHASE = ? ORDER BY EVENT_ID",
                String.class, runKey, phase.name());
    }

    /** Appends points of the run's time series (one transaction). */
    public void recordSamples(String runKey, Phase phase, List<RunSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (RunSample sample : samples) {
            rows.add(new Object[] {runKey, phase.name(), sample.series(), Timestamp.from(sample.at()), sample.value(), sample.total()});
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO OFFSTREAM_RUN_SAMPLE (RUN_KEY, PHASE, SERIES, RECORDED_AT, "
                + "SAMPLE_VALUE, TOTAL) VALUES (?, ?, ?, ?, ?, ?)", rows));
    }

    /** Every point of the run's time series, in the order recorded. */
    public List<RunSample> samples(String runKey) {
        return jdbc.query("SELECT PHASE, SERIES, RECORDED_AT, SAMPLE_VALUE, TOTAL FROM OFFSTREAM_RUN_SAMPLE WHERE RUN_KEY = ? "
                + "ORDER BY SAMPLE_ID", (rs, i) -> {
                    long total = rs.getLong("TOTAL");
                    Long knownTotal = rs.wasNull() ? null : total;
                    return new RunSample(Phase.valueOf(rs.getString("PHASE")), rs.getString("SERIES"),
                            rs.getTimestamp("RECORDED_AT").toInstant(), rs.getLong("SAMPLE_VALUE"), knownTotal);
                }, runKey);
    }

    /** Every phase row of the run (whole-run rows, not per partition), in phase order. */
    public List<PhaseRecord> phases(String runKey) {
        List<PhaseRecord> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            phase(runKey, phase).ifPresent(phases::add);
        }
        return phases;
    }

    // ---- internals -----------------------------------------------------------------------

    private void start(String runKey, Phase phase, LocalDate date, Long taskExecutionId) {
        Timestamp now = Timestamp.from(Instant.now());
        tx.executeWithoutResult(status -> {
            int updated = jdbc.update("UPDATE OFFSTREAM_PHASE_PARTITION SET STATUS = ?, ATTEMPTS = ATTEMPTS + 1, TASK_EXECUTION_ID = ?, "
                    + "STARTED_AT = ?, ENDED_AT = NULL, MESSAGE = NULL WHERE RUN_KEY = ? AND PHASE = ? AND PARTITION_DATE = ?",
                    PhaseStatus.RUNNING.name(), taskExecutionId, now, runKey, phase.name(), Date.valueOf(date));
            if (updated == 0) {
                insertRunning(runKey, phase, date, taskExecutionId, now);
            }
        });
    }

    private void insertRunning(String runKey, Phase phase, LocalDate date, Long taskExecutionId, Timestamp now) {
        if (date == null) {
            jdbc.update("INSERT INTO OFFSTREAM_PHASE (RUN_KEY, PHASE, STATUS, ATTEMPTS, TASK_EXECUTION_ID, STARTED_AT) "
                    + "VALUES (?, ?, ?, 1, ?, ?)", runKey, phase.name(), PhaseStatus.RUNNING.name(), taskExecutionId, now);
        } else {
            jdbc.update("INSERT INTO OFFSTREAM_PHASE_PARTITION (RUN_KEY, PHASE, PARTITION_DATE, STATUS, ATTEMPTS, "
                    + "TASK_EXECUTION_ID, STARTED_AT) VALUES (?, ?, ?, ?, 1, ?, ?)", runKey, phase.name(),
                    Date.valueOf(date), PhaseStatus.RUNNING.name(), taskExecutionId, now);
        }
    }

    private void finish(String runKey, Phase phase, LocalDate date, PhaseStatus status, PhaseCounts c, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        Object[] values = {status.name(), c.read(), c.rejected(), c.published(), c.consumed(), c.failed(), c.duplicates(),
                c.landed(), now, truncate(message)};
        tx.executeWithoutResult(s -> {
            if (finishRow(runKey, phase, date, values) == 0) {
                if (date == null && phase(runKey, phase).isPresent()) {
                    throw new PhaseLeaseException(String.format("phase %s of run %s was taken over by another execution while this one"
                            + " ran; this one's outcome (%s) is not recorded", phase, runKey, status));
                }
                insertRunning(runKey, phase, date, null, now);
                finishRow(runKey, phase, date, values);
            }
        });
        if (date == null) {
            held.remove(new PhaseOfRun(runKey, phase));
        }
    }

    private int finishRow(String runKey, Phase phase, LocalDate date, Object[] values) {
        String set = "SET STATUS = ?, READ_COUNT = ?, REJECTED_COUNT = ?, PUBLISHED_COUNT = ?, CONSUMED_COUNT = ?, "
                + "FAILED_COUNT = ?, DUPLICATE_COUNT = ?, LANDED_COUNT = ?, ENDED_AT = ?, MESSAGE = ? ";
        // the phase's row only by the lease's holder (or when nobody holds it), which lets it go
        return date == null
                ? jdbc.update("UPDATE OFFSTREAM_PHASE " + set + ", LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL WHERE RUN_KEY = ? AND PHASE = ? "
                        + "AND (LEASE_OWNER IS NULL OR LEASE_OWNER = ?)", concat(values, runKey, phase.name(), owner.toString()))
                : jdbc.update("UPDATE OFFSTREAM_PHASE_PARTITION " + set + "WHERE RUN_KEY = ? AND PHASE = ? AND PARTITION_DATE = ?",
                        concat(values, runKey, phase.name(), Date.valueOf(date)));
    }

    /** A phase of a run: what a lease is held on. */
    private record PhaseOfRun(String runKey, Phase phase) {
    }

    /** Renews every lease this ledger holds, every third of the lease's time, on one daemon thread. */
    private synchronized void renewInBackground() {
        if (renewer != null) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offstream-lease-renewer");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, leaseTtl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
    }

    void renewLeases() {
        for (PhaseOfRun lease : held) {
            String runKey = lease.runKey();
            Phase phase = lease.phase();
            try {
                int renewed = jdbc.update("UPDATE OFFSTREAM_PHASE SET LEASE_EXPIRES_AT = ? WHERE RUN_KEY = ? AND PHASE = ? AND LEASE_OWNER = ?",
                        Timestamp.from(Instant.now().plus(leaseTtl)), runKey, phase.name(), owner.toString());
                if (renewed == 0 && held.remove(lease)) {
                    lost.add(lease);
                    log.error("Phase {} of run {}: its lease was taken over by another execution; this one stops writing", phase, runKey);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of phase {} of run {} (it lasts {} from the last renewal): {}", phase, runKey, leaseTtl,
                        e.getMessage());
            }
        }
    }

    /** Stops renewing; the leases still held expire (a phase that ended records its outcome and lets its lease go first). */
    @Override
    public synchronized void close() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] r = new Object[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private LedgerRun mapRun(ResultSet rs, int row) throws SQLException {
        RunParameters parameters = new RunParameters(RunPaths.asDirectory(URI.create(rs.getString("DATASET"))), rs.getDate("FROM_DATE").toLocalDate(),
                rs.getDate("TO_DATE").toLocalDate(), rs.getString("SERVICE"), rs.getString("RUN_KEY"),
                RunPaths.asDirectory(URI.create(rs.getString("LANDING"))), rs.getString("CANDIDATE_SERVICE"));
        RunTopics topics = new RunTopics(rs.getString("INGRESS_TOPIC"), rs.getString("EGRESS_TOPIC"), rs.getString("DLQ_TOPIC"));
        return new LedgerRun(parameters, topics, rs.getInt("TOPIC_PARTITIONS"), rs.getTimestamp("SNAPSHOT_TIME").toInstant(),
                rs.getString("STATUS"));
    }

    private PhaseRecord mapPhase(ResultSet rs, LocalDate date) throws SQLException {
        PhaseCounts counts = new PhaseCounts(rs.getLong("READ_COUNT"), rs.getLong("REJECTED_COUNT"), rs.getLong("PUBLISHED_COUNT"),
                rs.getLong("CONSUMED_COUNT"), rs.getLong("FAILED_COUNT"), rs.getLong("DUPLICATE_COUNT"), rs.getLong("LANDED_COUNT"));
        long exec = rs.getLong("TASK_EXECUTION_ID");
        Long taskExecutionId = rs.wasNull() ? null : exec;
        Timestamp started = rs.getTimestamp("STARTED_AT");
        Timestamp ended = rs.getTimestamp("ENDED_AT");
        return new PhaseRecord(rs.getString("RUN_KEY"), Phase.valueOf(rs.getString("PHASE")), date,
                PhaseStatus.valueOf(rs.getString("STATUS")), counts, rs.getInt("ATTEMPTS"), taskExecutionId,
                started == null ? null : started.toInstant(), ended == null ? null : ended.toInstant(), rs.getString("MESSAGE"));
    }
}
