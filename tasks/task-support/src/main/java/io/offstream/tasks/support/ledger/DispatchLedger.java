package io.offstream.tasks.support.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch part of the ledger: a parent run, its child runs, and each child's placement,
 * launch and end. Writes commit on their own (as {@link RunLedger}'s do) so a failing step
 * still leaves what it learned.
 */
public class DispatchLedger {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    public DispatchLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the parent and its children in one transaction unless it is recorded; true when this call did. */
    public boolean createIfAbsent(DispatchRecord dispatch, List<DispatchChild> children) {
        Boolean created = tx.execute(status -> {
            if (find(dispatch.runKey()).isPresent()) {
                return false;
            }
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO OFFSTREAM_DISPATCH (RUN_KEY, SERVICE, DATASET, FROM_DATE, TO_DATE, LANDING, CHILD_DEFINITION, "
                    + "CHILD_COUNT, STATUS, MESSAGE, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    dispatch.runKey(), dispatch.service(), dispatch.dataset(), Date.valueOf(dispatch.from()),
                    Date.valueOf(dispatch.to()), dispatch.landing(), dispatch.childDefinition(), children.size(),
                    dispatch.status(), dispatch.message(), now, now);
            for (DispatchChild child : children) {
                jdbc.update("INSERT INTO OFFSTREAM_DISPATCH_CHILD (RUN_KEY, CHILD_INDEX, CHILD_RUN_KEY, FROM_DATE, TO_DATE, STATUS, "
                        + "ATTEMPTS, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", child.parentRunKey(), child.index(),
                        child.childRunKey(), Date.valueOf(child.from()), Date.valueOf(child.to()), child.status().name(),
                        child.attempts(), now);
            }
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    public Optional<DispatchRecord> find(String runKey) {
        return jdbc.query("SELECT * FROM OFFSTREAM_DISPATCH WHERE RUN_KEY = ?", DispatchLedger::mapDispatch, runKey)
                .stream().findFirst();
    }

    /** The children in date order. */
    public List<DispatchChild> children(String runKey) {
        return jdbc.query("SELECT * FROM OFFSTREAM_DISPATCH_CHILD WHERE RUN_KEY = ? ORDER BY CHILD_INDEX",
                DispatchLedger::mapChild, runKey);
    }

    /** Saves where a child is now. */
    public void save(DispatchChild child) {
        tx.executeWithoutResult(s -> jdbc.update("UPDATE OFFSTREAM_DISPATCH_CHILD SET STATUS = ?, REGION = ?, PLATFORM_ACCOUNT = ?, "
                + "SCDF_URL = ?, DEFINITION = ?, TASK_EXECUTION_ID = ?, REGISTRY_DISPATCH_ID = ?, ATTEMPTS = ?, MESSAGE = ?, "
                + "LAUNCH_ID = ?, UPDATED_AT = ? WHERE RUN_KEY = ? AND CHILD_INDEX = ?", child.status().name(), child.region(),
                child.platformAccount(), child.scdfUrl(), child.definition(), child.taskExecutionId(),
                child.registryDispatchId(), child.attempts(), truncate(child.message()), child.launchId(),
                Timestamp.from(Instant.now()),
                child.parentRunKey(), child.index()));
    }

    public void updateStatus(String runKey, String status, String message) {
        tx.executeWithoutResult(s -> jdbc.update("UPDATE OFFSTREAM_DISPATCH SET STATUS = ?, MESSAGE = ?, UPDATED_AT = ? WHERE RUN_KEY = ?",
                status, truncate(message), Timestamp.from(Instant.now()), runKey));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private static DispatchRecord mapDispatch(ResultSet rs, int row) throws SQLException {
        return new DispatchRecord(rs.getString("RUN_KEY"), rs.getString("SERVICE"), rs.getString("DATASET"),
                rs.getDate("FROM_DATE").toLocalDate(), rs.getDate("TO_DATE").toLocalDate(), rs.getString("LANDING"),
                rs.getString("CHILD_DEFINITION"), rs.getInt("CHILD_COUNT"), rs.getString("STATUS"), rs.getString("MESSAGE"));
    }

    private static DispatchChild mapChild(ResultSet rs, int row) throws SQLException {
        return new DispatchChild(rs.getString("RUN_KEY"), rs.getInt("CHILD_INDEX"), rs.getString("CHILD_RUN_KEY"),
                rs.getDate("FROM_DATE").toLocalDate(), rs.getDate("TO_DATE").toLocalDate(),
                ChildStatus.valueOf(rs.getString("STATUS")), rs.getString("REGION"), rs.getString("PLATFORM_ACCOUNT"),
                rs.getString("SCDF_URL"), rs.getString("DEFINITION"), nullableLong(rs, "TASK_EXECUTION_ID"),
                nullableLong(rs, "REGISTRY_DISPATCH_ID"), rs.getInt("ATTEMPTS"), rs.getString("MESSAGE"),
                rs.getString("LAUNCH_ID"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
