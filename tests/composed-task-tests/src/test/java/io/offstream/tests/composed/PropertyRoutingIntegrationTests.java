package io.offstream.tests.composed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyRoutingIntegrationTests extends ComposedTaskIntegrationTestSupport {

    @Test
    void propertiesAndArgumentsReachTheChildTheyName() {
        String name = createComposed("routing", "a: probe && b: probe");
        Map<String, String> properties = new HashMap<>(recording());
        properties.put("app.a.probe.only-a", "for-a");
        properties.put("app.*.probe.everyone", "for-all");
        properties.put("deployer.b.local.javaOpts", "-Dprobe.from-deployer=for-b");

        long runner = launch(name, properties, List.of("--app.b.0=--probe.argument=arg-for-b"));
        JsonNode execution = awaitEnd(runner);

        assertThat(execution.path("exitCode").asInt()).as("runner %s", execution).isZero();
        Properties a = recordOf(executionsOf(name, "a").get(0));
        Properties b = recordOf(executionsOf(name, "b").get(0));
        assertThat(a).containsEntry("probe.only-a", "for-a").containsEntry("probe.everyone", "for-all")
                .doesNotContainKeys("probe.argument", "probe.from-deployer");
        assertThat(b).containsEntry("probe.everyone", "for-all").containsEntry("probe.argument", "arg-for-b")
                .containsEntry("probe.from-deployer", "for-b").doesNotContainKey("probe.only-a");
        assertThat(a.getProperty("_args")).contains("--spring.cloud.task.parent-execution-id=" + runner);
    }
}
