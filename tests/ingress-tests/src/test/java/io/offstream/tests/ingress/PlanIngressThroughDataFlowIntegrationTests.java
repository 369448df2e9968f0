package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.contract.naming.RunTopics;

import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;

/**
 * The registered apps through a real SCDF server: offstream-sample-warehouse as a task, then the
 * composed task {@code plan: offstream-plan && ingress: offstream-ingress} launched with only the run
 * arguments as {@code app.*.offstream.run.*} properties, as from the dashboard: the catalogue and the
 * broker come from the server's common task properties (as up.sh sets them), and each task finds its
 * engine job inside its own jar, not in the checkout.
 */
@ExtendWith(LocalPlatformExtension.class)
class PlanIngressThroughDataFlowIntegrationTests {

    @Test
    void aComposedPlanAndIngressLaunchedWithAppStarPropertiesPublishesTheAcceptedKeys(LocalPlatform platform) throws Exception {
        DataFlowClient dataflow = platform.dataflow();
        Path scratch = Files.createDirectories(platform.workDir().resolve("ingress-" + UUID.randomUUID().toString().substring(0, 6)));
        dataflow.registerTaskApp("offstream-sample-warehouse",
                platform.layout().appJar("tasks/sample-warehouse", "offstream-sample-warehouse-*.jar").toUri());
        dataflow.registerTaskApp("offstream-plan", platform.layout().appJar("tasks/plan", "offstream-plan-*.jar").toUri());
        dataflow.registerTaskApp("offstream-ingress", platform.layout().appJar("tasks/ingress", "offstream-ingress-*.jar").toUri());

        Path dataset = scratch.resolve("warehouse/transactions");
        String sample = "sample-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(sample, "offstream-sample-warehouse");
        long sampleId = dataflow.launchTask(sample, Map.of(), List.of("--offstream.sample.path=" + dataset,
                "--offstream.sample.days=2", "--offstream.sample.rows-per-day=3000", "--offstream.sample.start-date=2026-07-01",
                "--offstream.sample.bad-row-fraction=0.09", "--offstream.sample.write-expectations=true"));
        assertThat(dataflow.awaitTaskEnd(sampleId, Duration.ofMinutes(3)).path("exitCode").asInt()).isZero();

        String composed = "pi-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(composed, "plan: offstream-plan && ingress: offstream-ingress");
        // the catalogue's risk entry; an explicit run key keeps this run's topic apart from other tests' on the shared broker
        String runKey = "pi-" + UUID.randomUUID().toString().substring(0, 8);
        long id = dataflow.launchTask(composed, Map.of(
                "app.*.offstream.run.dataset", dataset.toUri().toString(),
                "app.*.offstream.run.from", "2026-07-01",
                "app.*.offstream.run.to", "2026-07-02",
                "app.*.offstream.run.service", "risk",
                "app.*.offstream.run.key", runKey,
                "app.*.offstream.run.landing", scratch.resolve("landing").toString()), List.of());
        JsonNode end = dataflow.awaitTaskEnd(id, Duration.ofMinutes(6));
        assertThat(end.path("exitCode").asInt()).as("composed task %s", end).isZero();

        Set<String> expected = new HashSet<>();
        for (String line : Files.readAllLines(dataset.resolve("_expected/accepted-keys.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                expected.add(line.trim());
            }
        }
        assertThat(keysOnIngressTopic(platform.kafka().bootstrapServers(), RunTopics.of("risk", runKey).ingress())).isEqualTo(expected);
    }

    private static Set<String> keysOnIngressTopic(String bootstrap, String topic) {
        return new KafkaTopics(bootstrap).readToEnd(topic, Duration.ofMinutes(1)).stream()
                .map(record -> new String(record.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }
}
