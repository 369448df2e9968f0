package io.offstream.tasks.support.batch;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersIncrementer;

/**
 * Job parameters of a phase launch: {@code offstream.run.key} (the run) and {@code launch.id} (a
 * UUID). A sequential run.id would make parallel launches of one job collide on the job-instance
 * key; a UUID never does. A restart (SCDF passes the failed execution's identifying parameters,
 * launch.id included) finds the failed instance and reruns only its unfinished steps.
 */
public class UniqueLaunchIncrementer implements JobParametersIncrementer {

    public static final String RUN_KEY = "offstream.run.key";
    public static final String LAUNCH_ID = "launch.id";

    private final Supplier<String> runKey;

    public UniqueLaunchIncrementer(Supplier<String> runKey) {
        this.runKey = runKey;
    }

    @Override
    public JobParameters getNext(JobParameters parameters) {
        JobParametersBuilder builder = new JobParametersBuilder(parameters == null ? new JobParameters() : parameters);
        builder.addString(RUN_KEY, runKey.get());
        builder.addString(LAUNCH_ID, UUID.randomUUID().toString());
        return builder.toJobParameters();
    }
}
