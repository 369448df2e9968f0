package io.offstream.dataflow.server.lost;

import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.aggregate.task.TaskRepositoryContainer;
import org.springframework.cloud.dataflow.server.repository.JobRepositoryContainer;
import org.springframework.cloud.dataflow.server.service.JobExplorerContainer;

/**
 * Records the end a lost task execution could not: its running job executions and their running
 * steps FAILED (so that Spring Batch, and SCDF's restart, see them as restartable), then the task
 * execution itself ended with {@link #LOST_EXIT_CODE}. The jobs come first so that whoever waits
 * on the task's end finds its jobs already settled.
 */
public class LostExecutionRecorder {

    private static final Logger log = LoggerFactory.getLogger(LostExecutionRecorder.class);

    /**
     * The exit code of a lost execution, whose real one nobody recorded: 255, like a death by a
     * signal (at least 128) but none in particular, so that it reads as lost by the platform rather
     * than as a failure of the task's own work (Spring Cloud Task refuses negative exit codes).
     */
    public static final int LOST_EXIT_CODE = 255;

    /** The exit message of a lost execution, and the exit code of its jobs and steps. */
    public static final String LOST = "LOST";

    private final AggregateTaskExplorer explorer;

    private final TaskRepositoryContainer taskRepositories;

    private final JobExplorerContainer jobExplorers;

    private final JobRepositoryContainer jobRepositories;

    public LostExecutionRecorder(AggregateTaskExplorer explorer, TaskRepositoryContainer taskRepositories,
            JobExplorerContainer jobExplorers, JobRepositoryContainer jobRepositories) {
        this.explorer = explorer;
        this.taskRepositories = taskRepositories;
        this.jobExplorers = jobExplorers;
        this.jobRepositories = jobRepositories;
    }

    /**
     * @param why one line for the task's error message and the jobs' exit description
     */
    public void recordLost(long executionId, String schemaTarget, String why) {
        Date now = new Date();
        JobRepository jobs = jobRepositories.get(schemaTarget);
        for (Long jobExecutionId : explorer.getJobExecutionIdsByTaskExecutionId(executionId, schemaTarget)) {
            JobExecution job = jobExplorers.get(schemaTarget).getJobExecution(jobExecutionId);
            if (job == null || !job.isRunning()) {
                continue;
            }
            ExitStatus lost = new ExitStatus(LOST, why);
            for (StepExecution step : job.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(lost);
                    step.setEndTime(now);
                    jobs.update(step);
                }
            }
            job.setStatus(BatchStatus.FAILED);
            job.setExitStatus(lost);
            job.setEndTime(now);
            jobs.update(job);
            log.warn("Job execution {} ({}) of lost task execution {} marked FAILED: restartable now", jobExecutionId,
                    job.getJobInstance().getJobName(), executionId);
        }
        taskRepositories.get(schemaTarget).completeTaskExecution(executionId, LOST_EXIT_CODE, now, LOST, why);
    }
}
