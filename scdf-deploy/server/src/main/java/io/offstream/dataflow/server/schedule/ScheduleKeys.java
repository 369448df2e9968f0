package io.offstream.dataflow.server.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.deployer.spi.scheduler.SchedulerPropertyKeys;

/**
 * The property keys a schedule is described with, and which of them are for the scheduler only.
 *
 * <p>The cron expression travels under three names. Users (the dashboard, the shell, REST) send
 * {@value #CRON_EXPRESSION}; SCDF 2.11 rewrites every {@code scheduler.*} key to
 * {@code spring.cloud.deployer.*} before it reaches the {@code Scheduler} SPI, so the SPI sees
 * {@value #DEPLOYER_CRON_EXPRESSION}; older SCDF docs and the SPI's own constants use
 * {@value #LEGACY_CRON_EXPRESSION}, which is also the key the dashboard reads back from a listed
 * schedule. All three are accepted wherever a cron expression is looked for.
 *
 * <p>A firing launches the task with the schedule's properties minus the scheduler-only ones
 * ({@code scheduler.*} and the cron keys): they describe when to run, not what to run.
 */
public final class ScheduleKeys {

    /** What users send in {@code POST /tasks/schedules} {@code properties}. */
    public static final String CRON_EXPRESSION = "scheduler.cron.expression";

    /** What SCDF 2.11 hands the {@code Scheduler} SPI. */
    public static final String DEPLOYER_CRON_EXPRESSION = "spring.cloud.deployer.cron.expression";

    /** The SPI's constant and older SCDF docs; the dashboard reads a schedule's cron from it. */
    public static final String LEGACY_CRON_EXPRESSION = SchedulerPropertyKeys.CRON_EXPRESSION;

    static final String SCHEDULER_PREFIX = "scheduler.";

    /** SCDF's prefix for {@code scheduler.*} keys once they reach the SPI. */
    static final String DEPLOYER_PREFIX = "spring.cloud.deployer.";

    private static final List<String> CRON_KEYS = List.of(CRON_EXPRESSION, DEPLOYER_CRON_EXPRESSION, LEGACY_CRON_EXPRESSION);

    private ScheduleKeys() {
    }

    /** The first cron expression found under any of its names, in that order of sources; or null. */
    @SafeVarargs
    static String cronExpression(Map<String, String>... sources) {
        for (Map<String, String> source : sources) {
            if (source == null) {
                continue;
            }
            for (String key : CRON_KEYS) {
                String value = source.get(key);
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
        }
        return null;
    }

    /** Whether a key only tells the scheduler something (and so is not passed to the launch). */
    static boolean isSchedulerOnly(String key) {
        return key.startsWith(SCHEDULER_PREFIX) || CRON_KEYS.contains(key);
    }

    /** The properties a firing launches with: the given ones without the scheduler-only keys. */
    static Map<String, String> launchProperties(Map<String, String> properties) {
        Map<String, String> launch = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!isSchedulerOnly(key)) {
                launch.put(key, value);
            }
        });
        return launch;
    }
}
