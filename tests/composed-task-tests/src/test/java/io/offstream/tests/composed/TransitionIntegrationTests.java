package io.offstream.tests.composed;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionIntegrationTests extends ComposedTaskIntegrationTestSupport {

    @Test
    void failedTransitionTakesItsPathAndTheComposedTaskSucceeds() {
        String name = createComposed("failed-path", "a: probe --probe.fail=true 'FAILED'->b: probe '*'->c: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        assertThat(taskNames(childrenOf(runner))).containsExactly(name + "-a", name + "-b");
        assertThat(executionsOf(name, "a").get(0).path("exitCode").asInt()).isNotZero();
    }

    @Test
    void exitMessageIsTheStatusTransitionsMatch() {
        String name = createComposed("exit-message",
                "a: probe --probe.exit-message=SKIP_B 'SKIP_B'->c: probe 'FAILED'->b: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        assertThat(taskNames(childrenOf(runner))).containsExactly(name + "-a", name + "-c");
    }

    @Test
    void childFailureWithoutATransitionFailsTheComposedTask() {
        String name = createComposed("unhandled", "a: probe && b: probe --probe.fail=true && c: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isNotZero();
        assertThat(taskNames(childrenOf(runner))).containsExactly(name + "-a", name + "-b");
        JsonNode job = onlyJobOf(execution);
        assertThat(job.at("/jobExecution/status").asText()).isEqualTo("FAILED");
    }

    @Test
    void failureInOneSplitBranchFailsTheComposedTaskAfterTheSplit() {
        String name = createComposed("split-fail", "<a: probe --probe.fail=true || b: probe> && c: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isNotZero();
        assertThat(executionsOf(name, "b")).hasSize(1);
        assertThat(executionsOf(name, "c")).isEmpty();
    }
}
