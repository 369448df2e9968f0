package io.offstream.tasks.composed.child;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** A composed job of one child whose process dies without recording an end, as Offstream's SCDF server reports it. */
class ChildTaskProcessLostTests extends ChildJobTestSupport {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @Test
    void stepFailsNamingTheLostChildWhenItsProcessIsGoneWithoutAnEndForTheGrace() throws Exception {
        JobExecution execution = runUntilTheChildIsLost(job(Duration.ofMinutes(5), GRACE));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution step = execution.getStepExecutions().iterator().next();
        assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step.getFailureExceptions()).singleElement().isInstanceOf(ChildProcessLostException.class);
        assertThat(step.getFailureExceptions().get(0).getMessage()).isEqualTo("child ct-a (task execution 42) is lost: its process "
                + "ended (launcher state failed) without recording an end; killed from outside? restart the job to launch it again");
        assertThat(step.getExecutionContext().getLong(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(DataFlowServerStub.CHILD_ID);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void restartLaunchesTheLostChildAgainAndCompletesWhenTheNewOneEnds() throws Exception {
        Job job = job(Duration.ofMinutes(5), GRACE);
        JobExecution failed = runUntilTheChildIsLost(job);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        CompletableFuture<JobExecution> restart = runAsync(job);
        assertThat(scdf.awaitLaunches(2, GRACE.plus(SLACK).plus(SLACK))).isTrue();
        scdf.endChild();
        JobExecution restarted = restart.get(30, TimeUnit.SECONDS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(scdf.launches).hasValue(2);
        assertThat(scdf.launchedArguments.get(1)).as("a new launch id").isNotEqualTo(scdf.launchedArguments.get(0));
        assertThat(restarted.getStepExecutions().iterator().next().getExecutionContext().getLong(ChildOutcome.EXECUTION_ID_KEY))
                .isEqualTo(DataFlowServerStub.CHILD_ID + 1);
    }

    @Test
    void aChildTheServerRecordedLostIsLostNotFailedAndARestartLaunchesItAgain() throws Exception {
        Job job = job(Duration.ofMinutes(5), Duration.ofMinutes(5));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.recordChildLost();
        JobExecution failed = run.get(30, TimeUnit.SECONDS);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions().iterator().next().getFailureExceptions()).singleElement()
                .isInstanceOf(ChildProcessLostException.class);

        CompletableFuture<JobExecution> restart = runAsync(job);
        assertThat(scdf.awaitLaunches(2, Duration.ofSeconds(20))).isTrue();
        scdf.endChild();
        assertThat(restart.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(2);
    }

    @Test
    void aChildWhoseProcessIsAliveIsWaitedOnPastTheGraceAndLaunchedOnce() throws Exception {
        CompletableFuture<JobExecution> run = runAsync(job(Duration.ofMinutes(5), GRACE));
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        Thread.sleep(GRACE.multipliedBy(2).toMillis());
        assertThat(run).isNotDone();
        assertThat(scdf.processPolls.get()).isGreaterThan(1);
        scdf.endChild();

        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void restartWaitsOnARecordedChildWhoseProcessIsAliveRatherThanLaunchingItAgain() throws Exception {
        Job job = job(Duration.ofMillis(500), GRACE);
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.stop();
        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.FAILED);

        scdf.restart();
        CompletableFuture<JobExecution> restart = runAsync(job);
        Thread.sleep(GRACE.multipliedBy(2).toMillis());
        assertThat(restart).isNotDone();
        scdf.endChild();

        assertThat(restart.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void aServerWithoutTheProcessEndpointLeavesTheChildWaitedOnAsBefore() throws Exception {
        scdf.withoutProcessEndpoint();
        CompletableFuture<JobExecution> run = runAsync(job(Duration.ofMinutes(5), GRACE));
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.killChild();

        Thread.sleep(GRACE.multipliedBy(2).toMillis());
        assertThat(run).isNotDone();
        assertThat(scdf.processPolls.get()).isGreaterThan(1);
        scdf.endChild();

        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    /** Runs the job, kills its child once followed, and returns the job's end, checking it came within the grace and a poll or two. */
    private JobExecution runUntilTheChildIsLost(Job job) throws Exception {
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.killChild();
        long killed = System.nanoTime();
        JobExecution execution = run.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(took).isGreaterThanOrEqualTo(GRACE).isLessThan(GRACE.plus(INTERVAL.multipliedBy(2)).plus(SLACK));
        return execution;
    }
}
