package io.offstream.tasks.support.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.cloud.task.listener.TaskException;

class FailedJobFailureAnalyzerTests {

    private final FailedJobFailureAnalyzer analyzer = new FailedJobFailureAnalyzer();

    @Test
    void aFailedJobIsDescribedInOneLineWithHowToRestartIt() {
        TaskException failed = new TaskException("The following Jobs have failed: \n"
                + "Job offstreamPlanJob failed during execution for job instance id 4 with jobExecutionId of 4 \n");

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("Failed to execute ApplicationRunner", failed));

        assertThat(analysis.getDescription()).isEqualTo("The task's job failed: Job offstreamPlanJob failed during execution for"
                + " job instance id 4 with jobExecutionId of 4 (the failed step's error is logged above and is the task's exit message)");
        assertThat(analysis.getAction()).contains("PUT /jobs/executions/<id>?restart=true");
    }

    @Test
    void anotherTaskExceptionIsLeftToTheOtherAnalyzers() {
        assertThat(analyzer.analyze(new TaskException("Failed to process @BeforeTask or @AfterTask annotation"))).isNull();
    }
}
