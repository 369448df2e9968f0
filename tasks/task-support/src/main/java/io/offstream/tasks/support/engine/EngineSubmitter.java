package io.offstream.tasks.support.engine;

/**
 * Runs an engine job to its end. Implementations: {@link ChildJvmSubmitter} (embedded default,
 * a child JVM) and {@link SparkLauncherSubmitter} (a cluster through Spark's launcher).
 */
public interface EngineSubmitter {

    /** Runs the job and waits for it; interrupting the caller stops the job. */
    EngineResult run(EngineJob job, EngineOutput output) throws InterruptedException;

    /** Where the job's output lines go (the task's log, a progress tracker). */
    @FunctionalInterface
    interface EngineOutput {
        void line(String line);
    }
}
