package io.offstream.tasks.support.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

class FailureExitMessageTests {

    @Test
    void theReasonIsTheFirstLineOfTheFailedStepsException() {
        StepExecution step = new StepExecution("validate", new JobExecution(1L));
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(new IllegalStateException("Unknown dataset file:///w/: it does not exist")));

        assertThat(FailureExitMessage.describe(step))
                .isEqualTo("step validate failed: java.lang.IllegalStateException: Unknown dataset file:///w/: it does not exist");
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
}
