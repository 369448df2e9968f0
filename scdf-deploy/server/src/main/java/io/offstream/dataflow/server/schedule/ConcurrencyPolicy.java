package io.offstream.dataflow.server.schedule;

/**
 * Whether a schedule may launch its task while the execution it launched last is still running
 * (named after Kubernetes CronJob's {@code concurrencyPolicy}, which SCDF's Kubernetes scheduler
 * sets from {@code scheduler.kubernetes.cron.concurrencyPolicy}).
 */
public enum ConcurrencyPolicy {

    /**
     * Skip a firing (and log it) while the schedule's previous execution runs: an Offstream run
     * derives its run key from its parameters, so two runs of one schedule would fight over the
     * same run (the default).
     */
    FORBID,

    /** Launch on every firing, whatever is still running. */
    ALLOW
}
