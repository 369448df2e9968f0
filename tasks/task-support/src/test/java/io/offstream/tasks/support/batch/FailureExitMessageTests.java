package io.offstream.tasks.support.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.task.repository.TaskExecution;

import io.offstream.tasks.support.run.InvalidRunParametersException;

class FailureExitMessageTests {

    @Test
    void theReasonIsTheFirstLineOfTheFailedStepsException() {
        StepExecution step = new StepExecution("validate", new JobExecution(1L));
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(new IllegalStateException("Unknown dataset file:///w/: it does not exist")));

        assertThat(FailureExitMessage.describe(step))
                .isEqualTo("step validate failed: java.lang.IllegalStateException: Unknown dataset file:///w/: it does not exist");
    }

    @Test
    void aJobThatFailedBeforeAnyStepGivesItsOwnReason() {
        JobExecution job = new JobExecution(new JobInstance(3L, "offstreamIngressJob"), 1L, new JobParameters(), null);
        job.setExitStatus(ExitStatus.FAILED.addExitDescription(new IllegalStateException("Run r1 is not planned: run offstream-plan")));

        assertThat(FailureExitMessage.describe(job))
                .isEqualTo("job offstreamIngressJob failed: java.lang.IllegalStateException: Run r1 is not planned: run offstream-plan");
    }

    @Test
    void aStepWithoutADescriptionSaysSoAndALongReasonIsCut() {
        StepExecution silent = new StepExecution("plan", new JobExecution(1L));
        silent.setExitStatus(ExitStatus.FAILED);
        StepExecution verbose = new StepExecution("plan", new JobExecution(1L));
        verbose.setExitStatus(ExitStatus.FAILED.addExitDescription("x".repeat(5_000)));

        assertThat(FailureExitMessage.describe(silent)).isEqualTo("step plan failed: no reason recorded");
        assertThat(FailureExitMessage.describe(verbose)).hasSize(FailureExitMessage.MAX_LENGTH).endsWith("...");
    }

    @Test
    void aTaskFailedOnItsRunArgumentsSaysTheirLineAndAnyOtherFailureIsLeftToTheSteps() {
        FailureExitMessage listener = new FailureExitMessage(unavailable(), unavailable());
        TaskExecution badArguments = new TaskExecution();
        TaskExecution otherFailure = new TaskExecution();

        listener.onTaskFailed(badArguments, new IllegalStateException("Failed to execute ApplicationRunner",
                new InvalidRunParametersException(List.of("offstream.run.to 'x' is not a date (yyyy-MM-dd)"))));
        listener.onTaskFailed(otherFailure, new IllegalStateException("Failed to execute ApplicationRunner"));

        assertThat(badArguments.getExitMessage()).isEqualTo("Invalid run arguments: offstream.run.to 'x' is not a date (yyyy-MM-dd)");
        assertThat(otherFailure.getExitMessage()).isNull();
    }

    /** onTaskFailed looks nothing up. */
    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> unavailable() {
        return mock(ObjectProvider.class);
    }
}
