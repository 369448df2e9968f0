package io.offstream.tests.composed;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.process.Await;

import static org.assertj.core.api.Assertions.assertThat;

class SplitIntegrationTests extends ComposedTaskIntegrationTestSupport {

    @Test
    void splitBranchesRunAtTheSameTimeAndTheNextChildWaitsForAll() {
        String name = createComposed("split",
                "<a: probe --probe.sleep=6s || b: probe --probe.sleep=6s || c: probe> && d: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        JsonNode a = executionsOf(name, "a").get(0);
        JsonNode b = executionsOf(name, "b").get(0);
        JsonNode d = executionsOf(name, "d").get(0);
        assertThat(startOf(a)).as("a and b overlap").isBefore(endOf(b));
        assertThat(startOf(b)).as("a and b overlap").isBefore(endOf(a));
        assertThat(startOf(d)).isAfterOrEqualTo(endOf(a)).isAfterOrEqualTo(endOf(b));
        // the split's threads do not keep the runner alive: its process exits and frees its platform slot
        Await.until(Duration.ofSeconds(30),
                () -> dataflow.get("/offstream/tasks/executions/" + runner + "/process").path("processGone").asBoolean());
    }

    @Test
    void nestedSplitsRunEveryBranch() {
        String name = createComposed("nested",
                "<a: probe || b: probe && <c: probe || d: probe>> && e: probe");

        long runner = launch(name, Map.of(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        assertThat(taskNames(childrenOf(runner))).containsExactlyInAnyOrder(
                name + "-a", name + "-b", name + "-c", name + "-d", name + "-e");
        JsonNode b = executionsOf(name, "b").get(0);
        assertThat(startOf(executionsOf(name, "c").get(0))).isAfterOrEqualTo(endOf(b));
    }
}
