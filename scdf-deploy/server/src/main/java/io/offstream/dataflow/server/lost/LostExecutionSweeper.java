package io.offstream.dataflow.server.lost;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.dataflow.schema.SchemaVersionTarget;
import org.springframework.cloud.dataflow.schema.service.SchemaService;
import org.springframework.cloud.dataflow.server.repository.TaskExecutionDaoContainer;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.cloud.task.repository.dao.TaskExecutionDao;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

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

    private static final int PAGE_SIZE = 200;

    private final SchemaService schemas;

    private final TaskExecutionDaoContainer taskExecutions;

    private final LaunchedProcesses processes;

    private final LostExecutionRecorder recorder;

    private final LostExecutionsProperties properties;

    private final GoneWatch watch = new GoneWatch(System::nanoTime);

    private ScheduledExecutorService timer;

    public LostExecutionSweeper(SchemaService schemas, TaskExecutionDaoContainer taskExecutions, LaunchedProcesses processes,
            LostExecutionRecorder recorder, LostExecutionsProperties properties) {
        this.schemas = schemas;
        this.taskExecutions = taskExecutions;
        this.processes = processes;
        this.recorder = recorder;
        this.properties = properties;
    }

    /**
     * One look at every running execution, schema target by schema target (SCDF's aggregate
     * explorer would look up each composed task's app registration, and warn that it has none).
     */
    void sweep() {
        Set<String> seenGone = new HashSet<>();
        for (SchemaVersionTarget target : schemas.getTargets().getSchemas()) {
            TaskExecutionDao executions = taskExecutions.get(target.getName());
            if (executions.getRunningTaskExecutionCount() == 0) {
                continue;
            }
            for (String taskName : executions.getTaskNames()) {
                Pageable page = PageRequest.of(0, PAGE_SIZE);
                Page<TaskExecution> running;
                do {
                    running = executions.findRunningTaskExecutions(taskName, page);
                    running.forEach(execution -> look(execution, target.getName(), seenGone));
                    page = page.next();
                }
                while (running.hasNext());
            }
        }
        watch.keepOnly(seenGone);
    }

    private void look(TaskExecution execution, String schemaTarget, Set<String> seenGone) {
        ProcessStatus status = processes.status(execution.getExecutionId(), schemaTarget).orElse(null);
        if (status == null || status.ended() || !status.processGone()) {
            return;
        }
        String key = schemaTarget + "/" + execution.getExecutionId();
        seenGone.add(key);
        Duration gone = watch.seenGone(key);
        if (gone.compareTo(properties.grace()) < 0) {
            return;
        }
        String why = "the process of task execution " + execution.getExecutionId() + " (" + execution.getTaskName()
                + ") ended without recording an end (its platform says " + status.state() + ", gone for " + gone.toSeconds()
                + " s): killed from outside? The Data Flow server recorded this end so that the task's job can be restarted";
        log.warn("Lost task execution: {}", why);
        recorder.recordLost(execution.getExecutionId(), schemaTarget, why);
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
