package io.offstream.tasks.support.batch;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.cloud.task.repository.TaskExplorer;

import io.offstream.tasks.support.run.InvalidRunParametersException;

/**
 * Gives a failed phase task the exit message that says why, in one line: the first line of the
 * failed step's exception ({@code step validate failed: ...UnknownDatasetException: Unknown dataset
 * ...}). Without it SCDF shows only "Failed to execute ApplicationRunner" and a stack trace, and
 * users (the dashboard, {@code run-demo.sh}, a composed runner's log) cannot see the reason. A task
 * that fails on its run arguments, before any step, gets the line its log shows
 * ({@code Invalid run arguments: ...}).
 */
public class FailureExitMessage implements TaskExecutionListener {

    /** SCDF's exit message column holds 2,500 characters. */
    static final int MAX_LENGTH = 2_000;

    // looked up at the task's end: both come from auto-configurations that may run after this one's
    private final ObjectProvider<TaskExplorer> tasks;

    private final ObjectProvider<JobExplorer> jobs;

    public FailureExitMessage(ObjectProvider<TaskExplorer> tasks, ObjectProvider<JobExplorer> jobs) {
        this.tasks = tasks;
        this.jobs = jobs;
    }

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
    }

    @Override
    public void onTaskEnd(TaskExecution taskExecution) {
        if (taskExecution.getExitMessage() != null && !taskExecution.getExitMessage().isBlank()) {
            return; // the task said something itself
        }
        TaskExplorer taskExplorer = tasks.getIfAvailable();
        JobExplorer jobExplorer = jobs.getIfAvailable();
        if (taskExplorer == null || jobExplorer == null) {
            return;
        }
        failedStepOf(taskExplorer.getJobExecutionIdsByTaskExecutionId(taskExecution.getExecutionId()), jobExplorer)
                .ifPresent(taskExecution::setExitMessage);
    }

    /** Called before {@link #onTaskEnd}, which then keeps what is set here. */
    @Override
    public void onTaskFailed(TaskExecution taskExecution, Throwable throwable) {
        InvalidRunParametersException.in(throwable).map(invalid -> truncated(invalid.getMessage()))
                .ifPresent(taskExecution::setExitMessage);
    }

    /** The failed step's reason; the job's own when it failed before any step (in a listener, e.g. on finding its run). */
    private static Optional<String> failedStepOf(Collection<Long> jobExecutionIds, JobExplorer jobs) {
        return jobExecutionIds.stream().map(jobs::getJobExecution).filter(job -> job != null && job.getStatus() == BatchStatus.FAILED)
                .max(Comparator.comparing(JobExecution::getId))
                .map(job -> job.getStepExecutions().stream().filter(step -> step.getStatus() == BatchStatus.FAILED)
                        .max(Comparator.comparing(StepExecution::getId)).map(FailureExitMessage::describe)
                        .orElseGet(() -> describe(job)));
    }

    static String describe(JobExecution job) {
        return failed("job " + job.getJobInstance().getJobName(), job.getExitStatus());
    }

    static String describe(StepExecution step) {
        return failed("step " + step.getStepName(), step.getExitStatus());
    }

    /** {@code <what> failed: <first line of the exit description>}, cut to what SCDF keeps. */
    private static String failed(String what, ExitStatus status) {
        String description = status.getExitDescription();
        String reason = description == null || description.isBlank() ? "no reason recorded" : description.strip().lines().findFirst()
                .orElse("");
        return truncated(what + " failed: " + reason);
    }

    private static String truncated(String message) {
        return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 3) + "...";
    }
}
