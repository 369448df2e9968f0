/**
 * Schedules for SCDF's local platform: a Quartz-backed {@code Scheduler} SPI with its JDBC job
 * store in the server's database, wired into SCDF 2.11.5 by {@link
 * io.offstream.dataflow.server.schedule.SchedulingConfiguration}.
 *
 * <p>The path of a schedule: {@code POST /tasks/schedules} reaches SCDF's {@code SchedulerService}
 * through {@link io.offstream.dataflow.server.schedule.LaunchCapturingSchedulerService} (cron
 * checked, the user's launch request attached), SCDF hands a {@code ScheduleRequest} to the
 * launcher's {@link io.offstream.dataflow.server.schedule.AccountScheduler}, which stores it with
 * {@link io.offstream.dataflow.server.schedule.QuartzScheduleStore}. On each cron time Quartz runs
 * {@link io.offstream.dataflow.server.schedule.ScheduledTaskLaunchJob}, and {@link
 * io.offstream.dataflow.server.schedule.ScheduleFiring} launches the task definition through
 * SCDF's own launch path.
 */
package io.offstream.dataflow.server.schedule;
