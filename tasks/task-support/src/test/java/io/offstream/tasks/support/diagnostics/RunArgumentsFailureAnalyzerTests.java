package io.offstream.tasks.support.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.offstream.tasks.support.run.InvalidRunParametersException;

class RunArgumentsFailureAnalyzerTests {

    private final RunArgumentsFailureAnalyzer analyzer = new RunArgumentsFailureAnalyzer();

    @Test
    void badArgumentsDeepInTheCauseChainAreDescribedAsTheirOneLine() {
        InvalidRunParametersException invalid = new InvalidRunParametersException(
                List.of("offstream.run.from '2024-13-01' is not a date (yyyy-MM-dd)", "offstream.run.service is required (e.g. risk)"));
        // as ingress fails: a bean factory method under bean creation
        Throwable failure = new BeanCreationException("offstreamIngressJob", "Unsatisfied dependency",
                new BeanCreationException("plannedRun", "Factory method threw", invalid));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("Invalid run arguments: offstream.run.from '2024-13-01' is not a date"
                + " (yyyy-MM-dd); offstream.run.service is required (e.g. risk)");
        assertThat(analysis.getAction()).contains("--offstream.run.from=<yyyy-MM-dd>", "app.*.offstream.run.*",
                "tasks/plan/README.md, 'Options'");
        assertThat(analysis.getCause()).isSameAs(invalid);
    }

    @Test
    void anUnrelatedFailureIsLeftToTheOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("Failed to execute ApplicationRunner",
                new IllegalArgumentException("Run r1 is not planned")))).isNull();
    }
}
