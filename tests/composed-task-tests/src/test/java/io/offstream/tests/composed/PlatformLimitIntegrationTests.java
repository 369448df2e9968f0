package io.offstream.tests.composed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A child launched while its platform runs as many tasks as it may (SCDF refuses the launch)
 * waits for room instead of failing the composed task: on a platform of two tasks, a held probe
 * and the runner fill it, and the child starts once the probe has ended.
 */
class PlatformLimitIntegrationTests extends ComposedTaskIntegrationTestSupport {

    private static final Map<String, String> ON_TIGHT = Map.of("spring.cloud.dataflow.task.platformName", "tight");

    @Test
    void aChildWaitsForRoomOnAFullPlatformAndRunsWhenATaskEnds() throws Exception {
        Path hold = Files.createFile(scratch.resolve("hold"));
        String holder = createComposed("holder", "probe");
        long held = launch(holder, ON_TIGHT, List.of("--probe.hold-file=" + hold));
        String name = createComposed("full", "a: probe && b: probe");

        long runner = launch(name, ON_TIGHT, List.of());
        Thread.sleep(8_000); // the runner starts and finds no room for its child
        assertThat(childrenOf(runner)).as("no child while the platform is full").isEmpty();
        Files.delete(hold);
        JsonNode holderEnd = awaitEnd(held);
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        List<JsonNode> children = childrenOf(runner);
        assertThat(taskNames(children)).containsExactly(name + "-a", name + "-b");
        assertThat(children).allSatisfy(child -> assertThat(child.path("exitCode").asInt()).isZero());
        assertThat(startOf(children.get(0))).isAfterOrEqualTo(endOf(holderEnd));
    }
}
