package io.offstream.dataflow.server.schedule;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;

/**
 * What a schedule does about the firings it missed while the server was down (or while every
 * scheduler thread was busy for longer than {@code offstream.scheduler.misfire-threshold}).
 *
 * <p>The policy is stored with each schedule's trigger when the schedule is created.
 */
public enum MisfirePolicy {

    /** Fire once as soon as the server is back, then keep to the cron (the default). */
    RUN_ONCE(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),

    /** Drop the missed firings; the next firing is the next regular one. */
    SKIP(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING),

    /**
     * Fire every missed firing, one after the other, as soon as the server is back (each still
     * subject to the concurrency policy, so with {@code FORBID} most of them are skipped while
     * the first one runs).
     */
    RUN_ALL(CronTrigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);

    private final int quartzInstruction;

    MisfirePolicy(int quartzInstruction) {
        this.quartzInstruction = quartzInstruction;
    }

    CronScheduleBuilder applyTo(CronScheduleBuilder schedule) {
        return switch (this) {
            case RUN_ONCE -> schedule.withMisfireHandlingInstructionFireAndProceed();
            case SKIP -> schedule.withMisfireHandlingInstructionDoNothing();
            case RUN_ALL -> schedule.withMisfireHandlingInstructionIgnoreMisfires();
        };
    }

    /** The policy a stored trigger carries (null for an instruction Offstream does not set). */
    static MisfirePolicy of(int quartzInstruction) {
        for (MisfirePolicy policy : values()) {
            if (policy.quartzInstruction == quartzInstruction) {
                return policy;
            }
        }
        return null;
    }
}
