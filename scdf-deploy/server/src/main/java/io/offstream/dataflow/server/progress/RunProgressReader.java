package io.offstream.dataflow.server.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a run's progress from the run ledger's tables ({@code OFFSTREAM_RUN}, {@code OFFSTREAM_PHASE},
 * {@code OFFSTREAM_RUN_SAMPLE}, {@code OFFSTREAM_RUN_EVENT}) in the server's own database, which is
 * the one SCDF gives its tasks. Only reads; the phases own the tables and their migrations.
 */
public class RunProgressReader {

    /** The rate is measured over the samples of this many last seconds. */
    static final long RATE_WINDOW_SECONDS = 30;

    private static final String ROWS = "rows";

    private static final String PARTITIONS = "partitions";

    private static final String LAG = "lag:";

    private final JdbcTemplate jdbc;

    public RunProgressReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's progress; empty when no such run is in the ledger (or no run ever was: no ledger tables yet). */
    public Optional<RunProgress> read(String runKey, boolean withChildren, Instant now) {
        List<Map<String, Object>> runs;
        try {
            runs = jdbc.queryForList("SELECT SERVICE, CANDIDATE_SERVICE, STATUS FROM OFFSTREAM_RUN WHERE RUN_KEY = ?", runKey);
        }
        catch (DataAccessException noLedgerYet) {
            return Optional.empty();
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> run = runs.get(0);
        List<RunProgress.Phase> phases = jdbc.query("SELECT * FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? ORDER BY STARTED_AT, PHASE",
                this::phase, runKey);
        List<Sample> samples = jdbc.query("SELECT PHASE, SERIES, RECORDED_AT, SAMPLE_VALUE, TOTAL FROM OFFSTREAM_RUN_SAMPLE "
                + "WHERE RUN_KEY = ? ORDER BY SAMPLE_ID", (rs, i) -> new Sample(rs.getString("PHASE"), rs.getString("SERIES"),
                        rs.getTimestamp("RECORDED_AT").toInstant(), rs.getLong("SAMPLE_VALUE"), nullableLong(rs, "TOTAL")), runKey);
        Map<String, Long> lag = new LinkedHashMap<>();
        for (Sample sample : samples) {
            if (sample.series().startsWith(LAG)) {
                lag.put(sample.series().substring(LAG.length()), sample.value());
            }
        }
        String events = withChildren ? "RUN_KEY = ? OR RUN_KEY LIKE ?" : "RUN_KEY = ?";
        Object[] args = withChildren ? new Object[] {runKey, runKey + "-c%"} : new Object[] {runKey};
        String lastEvent = jdbc.query("SELECT RUN_KEY, PHASE, MESSAGE FROM OFFSTREAM_RUN_EVENT WHERE " + events
                + " ORDER BY EVENT_ID DESC LIMIT 1", rs -> rs.next()
                        ? rs.getString("RUN_KEY") + " " + rs.getString("PHASE") + ": " + rs.getString("MESSAGE") : null, args);
        return Optional.of(new RunProgress(runKey, (String) run.get("SERVICE"), (String) run.get("CANDIDATE_SERVICE"),
                (String) run.get("STATUS"), phases, current(phases, samples, now), lag, lastEvent));
    }

    /** The running phase that started last, else the phase that ended last, with its newest samples. */
    static RunProgress.Current current(List<RunProgress.Phase> phases, List<Sample> samples, Instant now) {
        RunProgress.Phase current = phases.stream().filter(p -> "RUNNING".equals(p.status()) && p.startedAt() != null)
                .reduce((a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a)
                .orElseGet(() -> phases.stream().filter(p -> p.endedAt() != null).reduce((a, b) -> b.endedAt().isAfter(a.endedAt()) ? b : a)
                        .orElse(null));
        if (current == null) {
            return null;
        }
        List<Sample> rows = samples.stream().filter(s -> s.phase().equals(current.phase()) && ROWS.equals(s.series())).toList();
        Sample partitions = samples.stream().filter(s -> s.phase().equals(current.phase()) && PARTITIONS.equals(s.series()))
                .reduce((a, b) -> b).orElse(null);
        Instant end = current.endedAt() != null && !"RUNNING".equals(current.status()) ? current.endedAt() : now;
        long elapsed = current.startedAt() == null ? 0 : Math.max(0, Duration.between(current.startedAt(), end).toSeconds());
        Long done = rows.isEmpty() ? null : rows.get(rows.size() - 1).value();
        Long total = rows.isEmpty() ? null : rows.get(rows.size() - 1).total();
        double rate = rate(rows);
        Long left = null;
        if ("RUNNING".equals(current.status())) {
            if (done != null && total != null && rate > 0) {
                left = (long) Math.ceil(Math.max(0, total - done) / rate);
            }
            else if (partitions != null && partitions.total() != null && partitions.value() > 0) {
                left = elapsed * (partitions.total() - partitions.value()) / partitions.value();
            }
        }
        else {
            left = 0L;
        }
        return new RunProgress.Current(current.phase(), current.status(), done, total,
                partitions == null ? null : partitions.value(), partitions == null ? null : partitions.total(), rate, left, elapsed);
    }

    /** Rows per second between the newest sample and the oldest one within the window before it. */
    private static double rate(List<Sample> rows) {
        if (rows.size() < 2) {
            return 0;
        }
        Sample last = rows.get(rows.size() - 1);
        Sample first = last;
        for (int i = rows.size() - 2; i >= 0; i--) {
            if (Duration.between(rows.get(i).at(), last.at()).toSeconds() > RATE_WINDOW_SECONDS) {
                break;
            }
            first = rows.get(i);
        }
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, last.value() - first.value()) / seconds;
    }

    private RunProgress.Phase phase(ResultSet rs, int row) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String count : List.of("READ", "REJECTED", "PUBLISHED", "CONSUMED", "FAILED", "DUPLICATE", "LANDED")) {
            counts.put(count.toLowerCase(), rs.getLong(count + "_COUNT"));
        }
        return new RunProgress.Phase(rs.getString("PHASE"), rs.getString("STATUS"), rs.getInt("ATTEMPTS"), instant(rs, "STARTED_AT"),
                instant(rs, "ENDED_AT"), counts, rs.getString("MESSAGE"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** One point of the run's time series. */
    record Sample(String phase, String series, Instant at, long value, Long total) {
    }
}
