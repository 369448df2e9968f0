package io.offstream.tasks.composed.run;

import java.util.Date;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.converter.DefaultJobParametersConverter;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import io.offstream.tasks.composed.child.ParentExecution;

/**
 * Runs the composed job once per launch. A launch whose job parameters name an existing job
 * instance (SCDF's restart passes the failed execution's identifying parameters) restarts that
 * instance, so completed children are skipped and the failed or stopped one runs again; any
 * other launch starts a new instance keyed by its own task execution id ({@code run.id}), which
 * is unique even when the same composed definition is launched several times at once (a
 * sequential incrementer would give two such launches the same instance). A job left STARTED by a runner that was killed is marked
 * FAILED first, since Spring Batch cannot restart an execution it believes is running.
 */
public class ComposedJobRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ComposedJobRunner.class);

    static final String RUN_ID = "run.id";

    private final Job job;

    private final JobLauncher launcher;

    private final JobRepository repository;

    private final ParentExecution parent;

    private final StopSignal stopSignal;

    private final boolean incrementInstance;

    public ComposedJobRunner(Job job, JobLauncher launcher, JobRepository repository, ParentExecution parent,
            StopSignal stopSignal, boolean incrementInstance) {
        this.job = job;
        this.launcher = launcher;
        this.repository = repository;
        this.parent = parent;
        this.stopSignal = stopSignal;
        this.incrementInstance = incrementInstance;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        JobParameters requested = jobParametersOf(args);
        JobParameters parameters = chooseParameters(requested);
        log.info("Running composed job {} with {}", job.getName(), parameters);
        stopSignal.jobStarted();
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters);
        }
        finally {
            stopSignal.jobFinished();
        }
        log.info("Composed job {} ended {} ({})", job.getName(), execution.getStatus(), execution.getExitStatus().getExitCode());
        if (stopSignal.isRequested()) {
            // The stop already set the task's exit code; the context is shutting down.
            return;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new ComposedTaskFailedException(job.getName(), execution);
        }
    }

    private JobParameters chooseParameters(JobParameters requested) {
        if (!requested.isEmpty() && repository.isJobInstanceExists(job.getName(), requested)) {
            JobExecution last = repository.getLastJobExecution(job.getName(), requested);
            if (last != null && last.getStatus().isRunning()) {
                log.warn("Job execution {} of {} is still marked {} but its runner is gone; marking it FAILED to restart it",
                        last.getId(), job.getName(), last.getStatus());
                last.setStatus(BatchStatus.FAILED);
                last.setExitStatus(ExitStatus.FAILED.addExitDescription("Runner ended without recording an end"));
                last.setEndTime(new Date());
                repository.update(last);
            }
            log.info("Restarting job instance of {} (last execution {})", job.getName(), last == null ? "none" : last.getId());
            return requested;
        }
        if (!incrementInstance) {
            return requested;
        }
        long taskExecutionId = parent.executionId()
                .orElseThrow(() -> new IllegalStateException("No task execution id for the runner"));
        return new JobParametersBuilder(requested).addLong(RUN_ID, taskExecutionId).toJobParameters();
    }

    /** Non-option arguments {@code key=value} or {@code key(type)=value}, as Spring Batch writes them. */
    static JobParameters jobParametersOf(ApplicationArguments args) {
        Properties properties = new Properties();
        args.getNonOptionArgs().stream()
                .filter(arg -> arg.indexOf('=') > 0)
                .forEach(arg -> properties.setProperty(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)));
        return new DefaultJobParametersConverter().getJobParameters(properties);
    }
}
