package io.offstream.dataflow.server.schedule;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.quartz.JobDataMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.dataflow.core.LaunchResponse;
import org.springframework.cloud.dataflow.server.service.TaskExecutionService;

import io.offstream.dataflow.server.launch.LaunchedProcesses;

/**
 * What a schedule does when it fires: launch its task definition the way a user's
 * {@code POST /tasks/executions} would, and log it.
 *
 * <p>The launch goes through SCDF's {@link TaskExecutionService#executeTask}, so a scheduled run is
 * an ordinary task execution: composed definitions start the composed task runner, the account's
 * {@code maximum-concurrent-tasks} applies, and the run shows in the dashboard like any other.
 * A failed launch is logged and not retried (the next firing tries again): retrying a launch
 * that may have half-happened could start the task twice.
 */
public class ScheduleFiring {

    /** SCDF's {@code DefaultTaskExecutionService.TASK_PLATFORM_NAME}: the account to launch on. */
    static final String TASK_PLATFORM_NAME = "spring.cloud.dataflow.task.platformName";

    private static final Logger log = LoggerFactory.getLogger(ScheduleFiring.class);

    private final TaskExecutionService tasks;

    private final LaunchedProcesses running;

    private final SchedulerProperties properties;

    public ScheduleFiring(TaskExecutionService tasks, LaunchedProcesses running, SchedulerProperties properties) {
        this.tasks = tasks;
        this.running = running;
        this.properties = properties;
    }

    /**
     * Fires one schedule.
     *
     * @param launch        the schedule
     * @param data          the schedule's stored data, where the launched execution is recorded
     * @param scheduledTime the cron time this firing is for
     */
    public void fire(ScheduledLaunch launch, JobDataMap data, Date scheduledTime) {
        OptionalLong previous = QuartzJobData.lastExecutionId(data);
        if (properties.concurrencyPolicy() == ConcurrencyPolicy.FORBID && previous.isPresent()
                && running.isRunning(launch.platform(), previous.getAsLong(), data.getString(QuartzJobData.LAST_SCHEMA_TARGET))) {
            log.info("Schedule '{}' on platform '{}' fired for {}: skipped, execution {} of task '{}' it launched "
                    + "is still running (concurrency policy FORBID)", launch.scheduleName(), launch.platform(),
                    scheduledTime.toInstant(), previous.getAsLong(), launch.taskDefinitionName());
            return;
        }
        Map<String, String> deploymentProperties = new LinkedHashMap<>(launch.launch().properties());
        deploymentProperties.put(TASK_PLATFORM_NAME, launch.platform());
        try {
            LaunchResponse response = tasks.executeTask(launch.taskDefinitionName(), deploymentProperties,
                    new ArrayList<>(launch.launch().arguments()));
            QuartzJobData.recordLaunch(data, response.getExecutionId(), response.getSchemaTarget());
            log.info("Schedule '{}' on platform '{}' fired for {}: launched task '{}' as execution {}",
                    launch.scheduleName(), launch.platform(), scheduledTime.toInstant(), launch.taskDefinitionName(),
                    response.getExecutionId());
        }
        catch (RuntimeException e) {
            log.error("Schedule '{}' on platform '{}' fired for {}: launching task '{}' failed: {}",
                    launch.scheduleName(), launch.platform(), scheduledTime.toInstant(), launch.taskDefinitionName(),
                    e.getMessage(), e);
        }
    }
}
