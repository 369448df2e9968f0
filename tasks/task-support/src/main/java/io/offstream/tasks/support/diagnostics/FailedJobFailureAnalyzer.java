package io.offstream.tasks.support.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.cloud.task.listener.TaskException;

/**
 * A phase whose job failed ends its task with Spring Cloud Task's "The following Jobs have
 * failed" ({@code spring.cloud.task.batch.fail-on-job-failure}), which Boot would log as
 * "Application run failed" with a stack trace through the job launcher, saying nothing the step's
 * own error (logged above it, and the task's exit message) does not. It is reported as two lines
 * instead: which job failed, and how to go on.
 */
public class FailedJobFailureAnalyzer extends AbstractFailureAnalyzer<TaskException> {

    static final String ACTION = "Fix what the failed step's error above names, then restart the failed job execution:"
            + " SCDF dashboard, Jobs, restart; shell: job execution restart --id <id>;"
            + " REST: PUT /jobs/executions/<id>?restart=true. Finished partitions are not done again.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TaskException cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (!message.startsWith("The following Jobs have failed")) {
            return null;
        }
        String jobs = message.substring(message.indexOf(':') + 1).strip().replaceAll("\\s+", " ");
        return new FailureAnalysis("The task's job failed: " + jobs + " (the failed step's error is logged above and is the task's"
                + " exit message)", ACTION, cause);
    }
}
