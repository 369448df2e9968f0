package io.offstream.dataflow.server.schedule;

import java.util.OptionalLong;

import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;

/**
 * How a {@link ScheduledLaunch} is kept in Quartz: one durable-less job per schedule, keyed by
 * (schedule name, platform account), whose data map holds only strings (the job store runs with
 * {@code useProperties}, so what is stored stays readable and free of Java serialization).
 * The data map also remembers the execution the schedule launched last, for the concurrency policy.
 */
final class QuartzJobData {

    static final String TASK_DEFINITION = "taskDefinitionName";

    static final String CRON_EXPRESSION = "cronExpression";

    static final String LAUNCH_PROPERTIES = "launchProperties";

    static final String LAUNCH_ARGUMENTS = "launchArguments";

    static final String LAST_EXECUTION_ID = "lastExecutionId";

    static final String LAST_SCHEMA_TARGET = "lastSchemaTarget";

    private QuartzJobData() {
    }

    static JobKey jobKey(String platform, String scheduleName) {
        return JobKey.jobKey(scheduleName, platform);
    }

    static JobDetail jobDetail(ScheduledLaunch launch) {
        JobDataMap data = new JobDataMap();
        data.put(TASK_DEFINITION, launch.taskDefinitionName());
        data.put(CRON_EXPRESSION, launch.cronExpression());
        data.put(LAUNCH_PROPERTIES, launch.launch().propertiesJson());
        data.put(LAUNCH_ARGUMENTS, launch.launch().argumentsJson());
        return JobBuilder.newJob(ScheduledTaskLaunchJob.class)
                .withIdentity(jobKey(launch.platform(), launch.scheduleName()))
                .withDescription("launches task definition " + launch.taskDefinitionName())
                .usingJobData(data)
                // A launch interrupted by a crash is not replayed: it may already have started the task.
                .requestRecovery(false)
                .build();
    }

    static ScheduledLaunch scheduledLaunch(JobDetail job) {
        JobDataMap data = job.getJobDataMap();
        return new ScheduledLaunch(job.getKey().getGroup(), job.getKey().getName(), data.getString(TASK_DEFINITION),
                data.getString(CRON_EXPRESSION),
                LaunchRequest.fromJson(data.getString(LAUNCH_PROPERTIES), data.getString(LAUNCH_ARGUMENTS)));
    }

    static OptionalLong lastExecutionId(JobDataMap data) {
        String id = data.getString(LAST_EXECUTION_ID);
        return id == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(id));
    }

    static void recordLaunch(JobDataMap data, long executionId, String schemaTarget) {
        data.put(LAST_EXECUTION_ID, String.valueOf(executionId));
        if (schemaTarget != null) {
            data.put(LAST_SCHEMA_TARGET, schemaTarget);
        }
    }
}
