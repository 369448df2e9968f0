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

/** A composed job of one child, followed through a local SCDF stub that goes away mid-follow. */
class ChildTaskServerUnreachableTests extends ChildJobTestSupport {

    @Test
    void stepFailsNamingTheServerWhenItStaysUnreachableLongerThanTheTimeout() throws Exception {
        Duration timeout = Duration.ofSeconds(1);
        Job job = job(timeout);
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.stop();
        long stopped = System.nanoTime();
        JobExecution execution = run.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution step = execution.getStepExecutions().iterator().next();
        assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step.getFailureExceptions()).singleElement().isInstanceOf(ServerUnreachableException.class);
        String message = step.getFailureExceptions().get(0).getMessage();
        assertThat(message).startsWith("SCDF server " + scdf.uri() + " unreachable for ")
                .containsPattern("unreachable for \\d+\\.\\d s \\(server-unreachable-timeout 1\\.0 s\\)")
                .contains("child ct-a (task execution 42)").doesNotContain("\n");
        assertThat(step.getExitStatus().getExitDescription().lines().findFirst()).hasValueSatisfying(
                line -> assertThat(line).endsWith(message));
        assertThat(message).contains("last error: java.net.ConnectException");
        assertThat(step.getExecutionContext().getLong(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(DataFlowServerStub.CHILD_ID);
        assertThat(took).isGreaterThan(timeout).isLessThan(timeout.plus(INTERVAL).plus(SLACK));
    }

    @Test
    void followContinuesAndCompletesWhenTheServerIsBackBeforeTheTimeout() throws Exception {
        Job job = job(Duration.ofSeconds(5));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.stop();
        Thread.sleep(1500);
        scdf.endChild();
        scdf.restart();

        JobExecution execution = run.get(30, TimeUnit.SECONDS);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void restartFollowsTheRecordedChildWithoutLaunchingItAgain() throws Exception {
        Job job = job(Duration.ofMillis(500));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.stop();
        JobExecution failed = run.get(30, TimeUnit.SECONDS);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        scdf.endChild();
        scdf.restart();
        JobExecution restarted = launcher.run(job, PARAMETERS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void aChildTheServerDoesNotKnowFailsTheStepAtOnceRatherThanCountingAsUnreachable() throws Exception {
        Job job = job(Duration.ofMinutes(5));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.forgetChild();
        JobExecution execution = run.get(10, TimeUnit.SECONDS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        Throwable failure = execution.getStepExecutions().iterator().next().getFailureExceptions().get(0);
        assertThat(failure).isNotInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("answered 404 for child ct-a (task execution 42)").hasMessageContaining("no such task execution");
    }

    private Job job(Duration serverUnreachableTimeout) throws Exception {
        return job(serverUnreachableTimeout, Duration.ofSeconds(10));
    }
}
