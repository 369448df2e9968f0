package io.offstream.dataflow.server.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.PersistJobDataAfterExecution;

/**
 * The Quartz job behind every schedule: one firing, handed to {@link ScheduleFiring}.
 *
 * <p>{@link DisallowConcurrentExecution}: two firings of one schedule never run at the same time,
 * on this server or on any other sharing the job store, so the second one sees what the first
 * launched. {@link PersistJobDataAfterExecution}: the execution a firing launched is stored with
 * the schedule, for the next firing's concurrency check (also across restarts).
 * Quartz creates an instance per firing through Spring, which injects the constructor.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public class ScheduledTaskLaunchJob implements Job {

    private final ScheduleFiring firing;

    public ScheduledTaskLaunchJob(ScheduleFiring firing) {
        this.firing = firing;
    }

    @Override
    public void execute(JobExecutionContext context) {
        firing.fire(QuartzJobData.scheduledLaunch(context.getJobDetail()), context.getJobDetail().getJobDataMap(),
                context.getScheduledFireTime());
    }
}
