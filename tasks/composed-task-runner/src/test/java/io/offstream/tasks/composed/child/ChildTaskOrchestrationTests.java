package io.offstream.tasks.composed.child;

import static io.offstream.dataflow.client.FakeDataFlow.CHILD_ID;
import static io.offstream.dataflow.client.FakeDataFlow.ended;
import static io.offstream.dataflow.client.FakeDataFlow.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

import io.offstream.dataflow.client.FakeDataFlow;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.ProcessState;

/** The child step's decisions, over a hand-written SCDF: each branch of launch and follow. */
class ChildTaskOrchestrationTests extends ChildJobTestSupport {

    private static final String FULL = "The maximum concurrent task executions for platform default is at its limit [1].";

    private final FakeDataFlow fake = new FakeDataFlow();

    @Test
    void aFullPlatformIsWaitedOutAndTheChildLaunchedWhenThereIsRoom() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        fake.onLaunch(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new DataFlowRefusedException("full", 500, FULL);
            }
            return CHILD_ID;
        }).onExecution(() -> ended(0));

        JobExecution execution = launcher.run(job(fake, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(10)), PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fake.launched).hasSize(3);
        assertThat(fake.launched.get(0).arguments()).contains("--spring.cloud.task.parent-execution-id=7")
                .anyMatch(a -> a.startsWith(ChildTaskTasklet.LAUNCH_ID_ARGUMENT));
    }

    @Test
    void aFullPlatformPastMaxWaitFailsTheStep() throws Exception {
        fake.onLaunch(() -> {
            throw new DataFlowRefusedException("full", 500, FULL);
        });

        JobExecution execution = launcher.run(job(fake, Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(10)),
                PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyStep(execution).getFailureExceptions()).singleElement().isInstanceOf(DataFlowRefusedException.class);
        assertThat(fake.launched.size()).isGreaterThan(1);
    }

    @Test
    void anotherRefusalFailsTheStepAtOnce() throws Exception {
        fake.onLaunch(() -> {
            throw new DataFlowRefusedException("refused", 400, "Could not find task definition named ct-a");
        });

        JobExecution execution = launcher.run(job(fake, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(10)), PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyStep(execution).getFailureExceptions()).singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("refused"));
        assertThat(fake.launched).hasSize(1);
    }

    @Test
    void aChildWhoseProcessIsGoneWithoutAnEndFailsTheStepAsLost() throws Exception {
        fake.onLaunch(() -> CHILD_ID).onExecution(FakeDataFlow::running)
                .onProcess(() -> Optional.of(new ProcessState(CHILD_ID, false, "error", true)));

        JobExecution execution = launcher.run(job(fake, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMillis(300)), PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyStep(execution).getFailureExceptions()).singleElement().isInstanceOf(ChildProcessLostException.class)
                .satisfies(e -> assertThat(e).hasMessageContaining("launcher state error"));
    }

    @Test
    void aChildPastMaxWaitIsStoppedAndFailsTheStep() throws Exception {
        fake.onLaunch(() -> CHILD_ID).onExecution(FakeDataFlow::running);

        JobExecution execution = launcher.run(job(fake, Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(10)),
                PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyStep(execution).getFailureExceptions()).singleElement().isInstanceOf(ChildTaskTimeoutException.class);
        assertThat(fake.stopped).containsExactly(CHILD_ID);
    }

    @Test
    void aStopOfTheComposedTaskEndsTheStepAsStoppedAndLeavesTheChildToScdf() throws Exception {
        fake.onLaunch(() -> CHILD_ID).onExecution(FakeDataFlow::running);
        CompletableFuture<JobExecution> run = runAsync(job(fake, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(10)));
        while (fake.executionLooks.get() < 2) {
            Thread.sleep(20);
        }

        stopSignal.jobStarted();
        CompletableFuture.runAsync(stopSignal::stop);
        JobExecution execution = run.get(10, TimeUnit.SECONDS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(fake.stopped).isEmpty();
    }

    @Test
    void aServerThatStaysSilentFailsTheStepAsUnreachableKeepingTheExecutionId() throws Exception {
        fake.onLaunch(() -> CHILD_ID).onExecution(FakeDataFlow::running).onExecution(() -> {
            throw new DataFlowUnreachableException("SCDF did not answer", new java.net.ConnectException("Connection refused"));
        });

        JobExecution execution = launcher.run(job(fake, Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(10)), PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution step = onlyStep(execution);
        assertThat(step.getFailureExceptions()).singleElement().isInstanceOf(ServerUnreachableException.class)
                .satisfies(e -> assertThat(e).hasMessageContaining("last error: java.net.ConnectException: Connection refused"));
        assertThat(step.getExecutionContext().getLong(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(CHILD_ID);
    }

    @Test
    void aChildThatFailsFailsTheStepWithItsStatus() throws Exception {
        fake.onLaunch(() -> CHILD_ID).onExecution(FakeDataFlow::running).onExecution(() -> ended(3));

        JobExecution execution = launcher.run(job(fake, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(10)), PARAMETERS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyStep(execution).getFailureExceptions()).singleElement().isInstanceOf(ChildTaskFailedException.class);
        assertThat(fake.stopped).isEmpty();
    }

    private static StepExecution onlyStep(JobExecution execution) {
        return execution.getStepExecutions().iterator().next();
    }
}
