package io.offstream.tasks.composed.run;

import org.springframework.batch.core.JobExecution;

/** The composed job did not complete; thrown so the runner's task exits non-zero. */
public class ComposedTaskFailedException extends RuntimeException {

    public ComposedTaskFailedException(String jobName, JobExecution execution) {
        super("Composed task " + jobName + " ended " + execution.getStatus() + " with exit status "
                + execution.getExitStatus().getExitCode() + " (job execution " + execution.getId() + ")"
                + firstFailure(execution));
    }

    /** The first step failure's message, so the task execution's error names the cause (e.g. an unreachable server). */
    private static String firstFailure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst()
                .map(failure -> ": " + String.valueOf(failure.getMessage()).lines().findFirst().orElse(""))
                .orElse("");
    }
}
