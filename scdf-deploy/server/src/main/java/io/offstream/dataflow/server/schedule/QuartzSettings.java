package io.offstream.dataflow.server.schedule;

import java.util.Properties;

/**
 * Quartz's own properties for the job store, from {@link SchedulerProperties}.
 */
final class QuartzSettings {

    /** Quartz's scheduler name: the {@code SCHED_NAME} of every stored row, so it never changes. */
    static final String SCHEDULER_NAME = "offstream";

    private QuartzSettings() {
    }

    static Properties of(SchedulerProperties properties, JobStoreDatabase database) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(properties.threadCount()));
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", database.delegateClassName());
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Job data as string properties, not serialized Java objects.
        quartz.setProperty("org.quartz.jobStore.useProperties", "true");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(properties.misfireThreshold().toMillis()));
        quartz.setProperty("org.quartz.jobStore.isClustered", String.valueOf(properties.clustered()));
        // After a lost connection, retry within seconds rather than Quartz's 15 s: the local H2 closes
        // on its own JVM shutdown hook, and a stopping server should not wait that long.
        quartz.setProperty("org.quartz.jobStore.dbRetryInterval", "3000");
        return quartz;
    }
}
