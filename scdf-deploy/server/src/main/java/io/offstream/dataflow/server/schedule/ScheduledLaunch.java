package io.offstream.dataflow.server.schedule;

import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleRequest;

/**
 * One schedule as Offstream keeps it: on which platform account, under which name, which task
 * definition it launches, on which cron (as the user wrote it) and with what.
 *
 * @param platform           the SCDF platform account (a local account such as {@code default})
 * @param scheduleName       unique within the platform account
 * @param taskDefinitionName the definition a firing launches (plain or composed)
 * @param cronExpression     as given: 5-field Unix or 6-7-field Quartz
 * @param launch             the properties and arguments a firing launches with
 */
public record ScheduledLaunch(String platform, String scheduleName, String taskDefinitionName, String cronExpression,
        LaunchRequest launch) {

    /** Quartz keeps names in VARCHAR(200) columns. */
    static final int MAX_NAME_LENGTH = 200;

    public ScheduledLaunch {
        requireName("schedule name", scheduleName);
        requireName("task definition name", taskDefinitionName);
        requireName("platform", platform);
    }

    /** The schedule an SPI request describes, for the given platform account. */
    static ScheduledLaunch from(ScheduleRequest request, String platform) {
        String cron = ScheduleKeys.cronExpression(request.getDeploymentProperties(), request.getSchedulerProperties());
        LaunchRequest launch = LaunchRequest.attachedTo(request.getDeploymentProperties())
                .orElseGet(() -> LaunchRequest.derivedFrom(request));
        String definition = request.getDefinition() == null ? null : request.getDefinition().getName();
        return new ScheduledLaunch(platform, request.getScheduleName(), definition, cron, launch);
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new CreateScheduleException("without a " + what, null);
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new CreateScheduleException("'" + value + "': the " + what + " is longer than " + MAX_NAME_LENGTH
                    + " characters", null);
        }
    }
}
