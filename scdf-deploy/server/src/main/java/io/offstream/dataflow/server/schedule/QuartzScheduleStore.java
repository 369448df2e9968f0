package io.offstream.dataflow.server.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleInfo;
import org.springframework.cloud.deployer.spi.scheduler.UnScheduleException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Schedules kept in Quartz's JDBC job store: created, deleted and listed per platform account.
 *
 * <p>Each schedule is one job and one cron trigger in the server's database, so schedules survive
 * a restart and a deleted schedule is gone for good. Creating one is a single transaction (job,
 * trigger and cron rows together).
 */
public class QuartzScheduleStore {

    static final String QUARTZ_CRON_EXPRESSION = "offstream.scheduler.quartz-cron-expression";

    static final String TIME_ZONE = "offstream.scheduler.time-zone";

    static final String NEXT_FIRE_TIME = "offstream.scheduler.next-fire-time";

    static final String MISFIRE_POLICY = "offstream.scheduler.misfire-policy";

    static final String LAST_EXECUTION_ID = "offstream.scheduler.last-execution-id";

    private static final Logger log = LoggerFactory.getLogger(QuartzScheduleStore.class);

    private final Scheduler quartz;

    private final SchedulerProperties properties;

    private final TransactionOperations transactions;

    public QuartzScheduleStore(Scheduler quartz, SchedulerProperties properties, TransactionOperations transactions) {
        this.quartz = quartz;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Stores a new schedule; refuses an invalid cron expression and a name already used on the platform. */
    public void create(ScheduledLaunch launch) {
        String quartzCron = CronExpressions.toQuartz(launch.cronExpression(), properties.zone());
        JobDetail job = QuartzJobData.jobDetail(launch);
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(quartzCron).inTimeZone(properties.zone());
        CronTrigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(launch.scheduleName(), launch.platform())
                .forJob(job)
                .withSchedule(properties.misfirePolicy().applyTo(cron))
                .build();
        transactions.executeWithoutResult(status -> {
            try {
                quartz.scheduleJob(job, trigger);
            }
            catch (ObjectAlreadyExistsException e) {
                throw new CreateScheduleException("'" + launch.scheduleName()
                        + "': a schedule of that name already exists on platform '" + launch.platform() + "'", e);
            }
            catch (SchedulerException e) {
                throw new CreateScheduleException("'" + launch.scheduleName() + "': " + e.getMessage(), e);
            }
        });
        wakeUpSchedulerThread(trigger);
        log.info("Created schedule '{}' on platform '{}': task '{}', cron '{}' (Quartz '{}', {}), misfire policy {}, "
                        + "first firing {}", launch.scheduleName(), launch.platform(), launch.taskDefinitionName(),
                launch.cronExpression(), quartzCron, properties.zone().getID(), properties.misfirePolicy(),
                trigger.getNextFireTime());
    }

    /**
     * Quartz tells its scheduler thread about a new trigger as soon as it is stored, which inside
     * the transaction is before the commit: the thread looks, does not see it yet and sleeps until
     * its next known firing or for up to 30 s, so a schedule's first firing would come late. Once
     * committed, the thread is told again: resuming a trigger that is not paused changes nothing
     * but wakes it up.
     */
    private void wakeUpSchedulerThread(Trigger trigger) {
        try {
            quartz.resumeTrigger(trigger.getKey());
        }
        catch (SchedulerException e) {
            log.warn("Schedule '{}' is stored but its first firing may be late: {}", trigger.getKey(), e.getMessage());
        }
    }

    /** Deletes a schedule with its trigger; fails when the platform has no schedule of that name. */
    public void delete(String platform, String scheduleName) {
        boolean deleted;
        try {
            deleted = quartz.deleteJob(QuartzJobData.jobKey(platform, scheduleName));
        }
        catch (SchedulerException e) {
            throw new UnScheduleException("Cannot delete schedule '" + scheduleName + "': " + e.getMessage(), e);
        }
        if (!deleted) {
            throw new UnScheduleException("There is no schedule named '" + scheduleName + "' on platform '" + platform + "'");
        }
        log.info("Deleted schedule '{}' on platform '{}'", scheduleName, platform);
    }

    /** The platform's schedules by name, each with its cron under the keys SCDF's clients read. */
    public List<ScheduleInfo> list(String platform) {
        try {
            List<ScheduleInfo> schedules = new ArrayList<>();
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(platform))) {
                JobDetail job = quartz.getJobDetail(key);
                if (job != null) {
                    schedules.add(info(job, quartz.getTriggersOfJob(key)));
                }
            }
            schedules.sort(Comparator.comparing(ScheduleInfo::getScheduleName));
            return schedules;
        }
        catch (SchedulerException e) {
            throw new org.springframework.cloud.deployer.spi.scheduler.SchedulerException(
                    "Cannot list the schedules of platform '" + platform + "': " + e.getMessage(), e);
        }
    }

    private static ScheduleInfo info(JobDetail job, List<? extends Trigger> triggers) {
        ScheduledLaunch launch = QuartzJobData.scheduledLaunch(job);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ScheduleKeys.LEGACY_CRON_EXPRESSION, launch.cronExpression());
        properties.put(ScheduleKeys.DEPLOYER_CRON_EXPRESSION, launch.cronExpression());
        for (Trigger trigger : triggers) {
            if (trigger instanceof CronTrigger cron) {
                properties.put(QUARTZ_CRON_EXPRESSION, cron.getCronExpression());
                properties.put(TIME_ZONE, cron.getTimeZone().getID());
                MisfirePolicy misfirePolicy = MisfirePolicy.of(cron.getMisfireInstruction());
                if (misfirePolicy != null) {
                    properties.put(MISFIRE_POLICY, misfirePolicy.name());
                }
            }
            if (trigger.getNextFireTime() != null) {
                properties.put(NEXT_FIRE_TIME, trigger.getNextFireTime().toInstant().toString());
            }
        }
        QuartzJobData.lastExecutionId(job.getJobDataMap())
                .ifPresent(id -> properties.put(LAST_EXECUTION_ID, String.valueOf(id)));
        ScheduleInfo info = new ScheduleInfo();
        info.setScheduleName(launch.scheduleName());
        info.setTaskDefinitionName(launch.taskDefinitionName());
        info.setScheduleProperties(properties);
        return info;
    }
}
