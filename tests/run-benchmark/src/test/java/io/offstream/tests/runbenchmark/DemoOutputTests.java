package io.offstream.tests.runbenchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lines are run-demo.sh's own, as the launcher prints them. */
class DemoOutputTests {

    @Test
    void findsTheRunnersExecutionAndTheValidationReportOfTheRunsService() {
        DemoOutput output = DemoOutput.parse(List.of(
                "[offstream] composed task execution 26: follow it at http://localhost:9393/dashboard/#/tasks-jobs/task-executions/26",
                "[offstream] phase plan: ended (exit 0)  [19s]",
                "[offstream] validation report of risk (/work/main/.offstream/landing/risk/_validation/run=r1/report.json):",
                "    \"passed\" : true,"));

        assertThat(output.runnerExecutionId()).hasValue(26);
        assertThat(output.validationReport()).hasValue(Path.of("/work/main/.offstream/landing/risk/_validation/run=r1/report.json"));
    }

    @Test
    void aRunThatStoppedBeforeValidationHasNoReport() {
        DemoOutput output = DemoOutput.parse(List.of("[offstream] composed task execution 7: follow it at http://localhost:9393/dashboard/#/tasks-jobs/task-executions/7",
                "[offstream] phase ingress: ended (exit 1)  [40s]"));

        assertThat(output.runnerExecutionId()).hasValue(7);
        assertThat(output.validationReport()).isEmpty();
    }
}
