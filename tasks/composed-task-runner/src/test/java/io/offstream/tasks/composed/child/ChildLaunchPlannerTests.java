package io.offstream.tasks.composed.child;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.offstream.tasks.composed.ComposedTaskRunnerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildLaunchPlannerTests {

    @Test
    void base64KeyedPropertiesReachOnlyTheChildTheyName() {
        ChildLaunchPlanner planner = planner(Map.of(
                encoded("app.a.x"), "1",
                encoded("app.ct-b.y"), "2",
                encoded("app.*.z"), "3",
                encoded("deployer.a.local.javaOpts"), "-Xmx1g"), Map.of(), null);

        ChildLaunchRequest a = planner.planFor("ct-a");
        ChildLaunchRequest b = planner.planFor("ct-b");

        assertThat(a.properties()).containsEntry("app.a.x", "1").containsEntry("app.a.z", "3")
                .containsEntry("deployer.a.local.javaOpts", "-Xmx1g").doesNotContainKey("app.a.y")
                .containsEntry("spring.cloud.dataflow.task.platformName", "region-a");
        assertThat(b.properties()).containsEntry("app.b.y", "2").containsEntry("app.b.z", "3").doesNotContainKey("app.b.x");
    }

    @Test
    void argumentsGoToTheirChildInKeyOrderAfterTheCommonOnes() {
        ChildLaunchPlanner planner = planner(Map.of(), Map.of(
                encoded("app.a.1"), "--second", encoded("app.a.0"), "--first", encoded("app.b.0"), "--other"), "--common=1");

        assertThat(planner.planFor("ct-a").arguments()).containsExactly("--common=1", "--first", "--second");
        assertThat(planner.planFor("ct-b").arguments()).containsExactly("--common=1", "--other");
    }

    @Test
    void legacyCommaSeparatedPropertiesAreRead() {
        assertThat(ChildLaunchPlanner.parseLegacyProperties("app.a.x=1, deployer.b.y=a,b, app.c.z=3"))
                .containsEntry("app.a.x", "1").containsEntry("deployer.b.y", "a,b").containsEntry("app.c.z", "3");
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedNamingIt() {
        assertThatThrownBy(() -> ChildLaunchPlanner.decodeKey("base64_!!!"))
                .hasMessageContaining("base64_!!!");
    }

    @Test
    void labelIsTheDefinitionNameWithoutTheComposedPrefix() {
        assertThat(planner(Map.of(), Map.of(), null).labelOf("ct-my-label")).isEqualTo("my-label");
    }

    private static ChildLaunchPlanner planner(Map<String, String> properties, Map<String, String> arguments, String common) {
        return new ChildLaunchPlanner("ct", new ComposedTaskRunnerProperties("ct-a && ct-b", URI.create("http://localhost:9393"),
                "region-a", Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(10), 2, true,
                properties, arguments, null, common));
    }

    private static String encoded(String key) {
        return "base64_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
