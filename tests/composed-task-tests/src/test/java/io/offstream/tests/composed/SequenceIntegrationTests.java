package io.offstream.tests.composed;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceIntegrationTests extends ComposedTaskIntegrationTestSupport {

    @Test
    void childrenRunOneAfterAnotherAsStepsOfOneJob() {
        String name = createComposed("seq", "a: probe && b: probe && c: probe");

        long runner = launch(name, recording(), List.of());
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        List<JsonNode> children = childrenOf(runner);
        assertThat(taskNames(children)).containsExactly(name + "-a", name + "-b", name + "-c");
        assertThat(children).allSatisfy(child -> assertThat(child.path("exitCode").asInt()).isZero());
        for (int i = 1; i < children.size(); i++) {
            assertThat(startOf(children.get(i))).isAfterOrEqualTo(endOf(children.get(i - 1)));
        }
        JsonNode job = onlyJobOf(execution);
        assertThat(job.path("name").asText()).isEqualTo(name);
        assertThat(job.at("/jobExecution/status").asText()).isEqualTo("COMPLETED");
        assertThat(job.at("/jobExecution/stepExecutions").findValuesAsText("stepName"))
                .containsExactlyInAnyOrder(name + "-a", name + "-b", name + "-c");
    }

    @Test
    void twoLaunchesOfOneDefinitionAtTheSameTimeAreSeparateJobInstances() {
        String name = createComposed("twice", "a: probe && b: probe");

        long first = launch(name, java.util.Map.of(), List.of());
        long second = launch(name, java.util.Map.of(), List.of());
        JsonNode firstRun = awaitEnd(first);
        JsonNode secondRun = awaitEnd(second);

        assertThat(firstRun.path("exitCode").asInt()).as("first %s", firstRun).isZero();
        assertThat(secondRun.path("exitCode").asInt()).as("second %s", secondRun).isZero();
        assertThat(onlyJobOf(firstRun).path("jobId").asLong()).isNotEqualTo(onlyJobOf(secondRun).path("jobId").asLong());
        assertThat(taskNames(childrenOf(first))).containsExactly(name + "-a", name + "-b");
        assertThat(taskNames(childrenOf(second))).containsExactly(name + "-a", name + "-b");
    }
}
