package io.offstream.dataflow.server.lost;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.dataflow.schema.SchemaVersionTarget;
import org.springframework.cloud.dataflow.schema.service.SchemaService;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.offstream.dataflow.server.launch.LaunchedProcesses;
import io.offstream.dataflow.server.launch.ProcessStatus;

/**
 * Every {@code check-interval}, looks at the task executions without an end and asks their
 * platform about each one's process ({@link LaunchedProcesses}, which on a local platform also
 * looks on this host, so a server restart does not make running tasks look lost). One whose
 * process has been gone for {@code grace}, still without an end, is recorded as lost.
 */
public class LostExecutionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LostExecutionSweeper.class);

    /** A table prefix as SCDF's schema targets have them ({@code TASK_}, {@code BOOT3_TASK_}), safe to put in SQL. */
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9_]+");

    private final SchemaService schemas;

    private final JdbcTemplate jdbc;

    private final LaunchedProcesses processes;

    private final LostExecutionRecorder recorder;

    private final LostExecutionsProperties properties;

    private final GoneWatch watch = new GoneWatch(System::nanoTime);

    private ScheduledExecutorService timer;

    public LostExecutionSweeper(SchemaService schemas, JdbcTemplate jdbc, LaunchedProcesses processes,
            LostExecutionRecorder recorder, LostExecutionsProperties properties) {
        this.schemas = schemas;
        this.jdbc = jdbc;
        this.processes = processes;
        this.recorder = recorder;
        this.properties = properties;
    }

    /**
     * One look at every running execution: one query per schema target for the executions without
     * an end (SCDF's explorers ask per task name, and the names of a long history are many).
     */
    void sweep() {
        Set<String> seenGone = new HashSet<>();
        for (SchemaVersionTarget target : schemas.getTargets().getSchemas()) {
            String prefix = target.getTaskPrefix();
            if (!SAFE_PREFIX.matcher(prefix).matches()) {
                continue;
            }
            List<Running> running;
            try {
                running = jdbc.query("SELECT TASK_EXECUTION_ID, TASK_NAME FROM " + prefix + "EXECUTION WHERE END_TIME IS NULL",
                        (row, n) -> new Running(row.getLong(1), row.getString(2)));
            }
            catch (BadSqlGrammarException noSuchTable) {
                continue; // a schema target whose tables this database does not have
            }
            running.forEach(execution -> look(execution.id(), execution.taskName(), target.getName(), seenGone));
        }
        watch.keepOnly(seenGone);
    }

    private record Running(long id, String taskName) {
    }

    private void look(long executionId, String taskName, String schemaTarget, Set<String> seenGone) {
        ProcessStatus status = processes.status(executionId, schemaTarget).orElse(null);
        if (status == null || status.ended() || !status.processGone()) {
            return;
        }
        String key = schemaTarget + "/" + executionId;
        seenGone.add(key);
        Duration gone = watch.seenGone(key);
        if (gone.compareTo(properties.grace()) < 0) {
            return;
        }
        String why = "the process of task execution " + executionId + " (" + taskName
                + ") ended without recording an end (its platform says " + status.state() + ", gone for " + gone.toSeconds()
                + " s): killed from outside? The Data Flow server recorded this end so that the task's job can be restarted";
        log.warn("Lost task execution: {}", why);
        recorder.recordLost(executionId, schemaTarget, why);
        watch.forget(key);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lost-executions");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Looking for lost task executions every {} s (recorded as lost after {} s gone)",
                interval / 1000.0, properties.grace().toSeconds());
    }

    private void sweepQuietly() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            // the database or a launcher may be away for a moment; the next sweep tries again
            log.warn("Could not look for lost task executions: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
