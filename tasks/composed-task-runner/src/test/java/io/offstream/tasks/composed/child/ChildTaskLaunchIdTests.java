package io.offstream.tasks.composed.child;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A composed job of one child whose launch carries a launch id, saved before it is sent, so that a
 * runner that stopped before it had SCDF's answer follows that launch on restart rather than
 * launching the child twice.
 */
class ChildTaskLaunchIdTests extends ChildJobTestSupport {

    private static final String PARENT_ARGUMENT = "--spring.cloud.task.parent-execution-id=7";

    @Test
    void theLaunchCarriesTheLaunchIdCommittedWithTheStepAndTheSavedRequestDoesNot() throws Exception {
        CompletableFuture<JobExecution> run = runAsync(job(Duration.ofMinutes(5), Duration.ofSeconds(10)));
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        Map<String, Object> committed = committedStepContext();
        assertThat(committed.get(ChildTaskTasklet.LAUNCH_ID_KEY)).isInstanceOf(String.class);
        assertThat(scdf.launchedArguments).singleElement().asList().containsExactly(
                ChildTaskTasklet.LAUNCH_ID_ARGUMENT + committed.get(ChildTaskTasklet.LAUNCH_ID_KEY), PARENT_ARGUMENT);
        assertThat(committed.get(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(DataFlowServerStub.CHILD_ID);
        assertThat((String) committed.get(ChildTaskTasklet.REQUEST_KEY)).contains("\"arguments\":[]");
        scdf.endChild();

        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void restartFollowsTheChildLaunchedBeforeTheRunnerHadItsIdInsteadOfLaunchingItAgain() throws Exception {
        Job job = job(Duration.ofMinutes(5), Duration.ofSeconds(10));
        scdf.loseNextLaunchAnswer();
        JobExecution failed = launcher.run(job, PARAMETERS);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        ExecutionContext left = stepContextOf(failed);
        assertThat(left.containsKey(ChildOutcome.EXECUTION_ID_KEY)).isFalse();
        String launchId = left.getString(ChildTaskTasklet.LAUNCH_ID_KEY);
        assertThat(scdf.launchedArguments).singleElement().asList().contains(ChildTaskTasklet.LAUNCH_ID_ARGUMENT + launchId);

        CompletableFuture<JobExecution> restart = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
        assertThat(restart).isNotDone();
        scdf.endChild();
        JobExecution restarted = restart.get(30, TimeUnit.SECONDS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
        assertThat(stepContextOf(restarted).getLong(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(DataFlowServerStub.CHILD_ID);
        assertThat(stepContextOf(restarted).getString(ChildTaskTasklet.LAUNCH_ID_KEY)).isEqualTo(launchId);
    }

    @Test
    void restartLaunchesAChildWhoseLaunchNeverReachedTheServerOnceWithANewLaunchId() throws Exception {
        Job job = job(Duration.ofSeconds(5), Duration.ofSeconds(10));
        scdf.stop();
        JobExecution failed = launcher.run(job, PARAMETERS);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String firstLaunchId = stepContextOf(failed).getString(ChildTaskTasklet.LAUNCH_ID_KEY);

        scdf.restart();
        CompletableFuture<JobExecution> restart = runAsync(job);
        assertThat(scdf.awaitLaunches(1, Duration.ofSeconds(20))).isTrue();
        scdf.endChild();
        JobExecution restarted = restart.get(30, TimeUnit.SECONDS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
        String launchId = stepContextOf(restarted).getString(ChildTaskTasklet.LAUNCH_ID_KEY);
        assertThat(launchId).isNotEqualTo(firstLaunchId);
        assertThat(scdf.launchedArguments).singleElement().asList()
                .containsExactly(ChildTaskTasklet.LAUNCH_ID_ARGUMENT + launchId, PARENT_ARGUMENT);
    }

    @Test
    void restartFailsTheStepRatherThanLaunchingBlindlyWhenTheServerDoesNotAnswerTheLookUp() throws Exception {
        Job job = job(Duration.ofMillis(500), Duration.ofSeconds(10));
        scdf.stop();
        JobExecution failed = launcher.run(job, PARAMETERS);
        String launchId = stepContextOf(failed).getString(ChildTaskTasklet.LAUNCH_ID_KEY);

        JobExecution restarted = launcher.run(job, PARAMETERS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        Throwable failure = restarted.getStepExecutions().iterator().next().getFailureExceptions().get(0);
        assertThat(failure).isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("while following the launch of child ct-a (launch id " + launchId + ")");
        assertThat(stepContextOf(restarted).getString(ChildTaskTasklet.LAUNCH_ID_KEY)).isEqualTo(launchId);
        scdf.restart();
        assertThat(scdf.launches).hasValue(0);
    }

    private static ExecutionContext stepContextOf(JobExecution execution) {
        return execution.getStepExecutions().iterator().next().getExecutionContext();
    }
}
