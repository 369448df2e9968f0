package io.offstream.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.DispatchState;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.registry.client.RegionSpec;
import io.offstream.registry.client.RegionStatus;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.platform.DataFlowServerProcess;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry in-process against the real SCDF server (a process) with two local platform
 * accounts, region-a (maximum-concurrent-tasks 2) and region-b (3), plus a region whose SCDF
 * does not answer.
 */
class RegionRegistryIntegrationTests {

    private static final String PASSWORD = "registry-it-password";

    @TempDir
    static Path workDir;

    private static DataFlowServerProcess scdf;

    private static ConfigurableApplicationContext registryApp;

    private static RegionRegistryClient registry;

    private static String base;

    @BeforeAll
    static void startScdfAndTheRegistry() {
        scdf = DataFlowServerProcess.start(RepositoryLayout.locate(), workDir, List.of(
                "--spring.cloud.dataflow.task.platform.local.accounts.region-a.maximum-concurrent-tasks=2",
                "--spring.cloud.dataflow.task.platform.local.accounts.region-a.working-directories-root=" + workDir.resolve("task-work"),
                "--spring.cloud.dataflow.task.platform.local.accounts.region-b.maximum-concurrent-tasks=3"));
        registryApp = SpringApplication.run(RegionRegistryApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:registry-it;DB_CLOSE_DELAY=-1", "--offstream.security.password=" + PASSWORD,
                "--offstream.registry.capacity-cache-ttl=0s", "--offstream.registry.assign-interval=1h");
        base = "http://localhost:" + registryApp.getEnvironment().getProperty("local.server.port");
        registry = new RegionRegistryClient(URI.create(base), "offstream", PASSWORD);
        String scdfUrl = scdf.uri().toString();
        registry.register(RegionSpec.fromScdf("region-a", scdfUrl, "region-a", "localhost:9092"));
        registry.register(RegionSpec.fromScdf("region-b", scdfUrl, "region-b", "localhost:9092"));
        registry.register(RegionSpec.fromScdf("region-dead", "http://localhost:" + FreePorts.find(), "region-a", null));
    }

    @AfterAll
    static void stop() {
        if (registryApp != null) {
            registryApp.close();
        }
        if (scdf != null) {
            scdf.close();
        }
    }

    @Test
    void regionsReportCapMaxFromScdfAndADeadScdfIsDown() throws Exception {
        RegionStatus a = registry.region("region-a");
        assertThat(a.health()).isEqualTo("UP");
        assertThat(a.capMax()).isEqualTo(2);
        assertThat(a.headroom()).isEqualTo(a.capMax() - (a.active() + a.queued()));
        RegionStatus b = registry.region("region-b");
        assertThat(b.isUp()).isTrue();
        assertThat(b.capMax()).isEqualTo(3);
        RegionStatus dead = registry.region("region-dead");
        assertThat(dead.health()).isEqualTo("DOWN");
        assertThat(dead.reason()).contains("did not answer");
        assertThat(registry.regions()).extracting(RegionStatus::name).containsExactly("region-a", "region-b", "region-dead");

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void dispatchesGoToTheMostHeadroomQueueWhenFullAndLaunchWhenATaskEnds() {
        // one task really running on region-a: SCDF's running count is its "active"
        DataFlowClient dataFlow = scdf.client();
        Path probe = RepositoryLayout.locate().appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar");
        dataFlow.registerTaskApp("probe", probe.toUri());
        dataFlow.createTaskDefinition("busy", "probe");
        long execution = dataFlow.launchTask("busy", Map.of("spring.cloud.dataflow.task.platformName", "region-a"),
                List.of("--probe.sleep=12s"));
        Await.until(Duration.ofSeconds(30), () -> registry.region("region-a").active() == 1);
        assertThat(registry.region("region-a").headroom()).isEqualTo(1);

        // headroom a = 2 - 1 = 1, b = 3: b, b, then a tie (1:1) goes to region-a, then b, then none has room
        List<String> placements = List.of("c1", "c2", "c3", "c4", "c5").stream()
                .map(child -> registry.dispatch("run-1", child, Map.of("child", child)).placement()).toList();
        assertThat(placements).containsExactly("region-b", "region-b", "region-a", "region-b", "queued");
        assertThat(registry.region("region-dead").queued()).isZero();
        assertThat(registry.region("region-b").headroom()).isZero();

        Dispatch waiting = registry.dispatches("run-1").get(4);
        assertThat(waiting.isQueued()).isTrue();
        assertThat(waiting.payload().path("child").asText()).isEqualTo("c5");
        assertThat(registry.dispatch("run-1", "c5", Map.of()).id()).as("same child again: same dispatch").isEqualTo(waiting.id());

        // the probe on region-a ends: the waiting child gets region-a's room
        dataFlow.awaitTaskEnd(execution, Duration.ofSeconds(60));
        Await.until(Duration.ofSeconds(30), () -> !registry.assign().isEmpty() || registry.get(waiting.id()).region() != null);
        assertThat(registry.get(waiting.id()).region()).isEqualTo("region-a");

        // state transitions: launched (no longer queued), done
        Dispatch first = registry.dispatches("run-1").get(0);
        assertThat(registry.launched(first.id()).state()).isEqualTo(DispatchState.LAUNCHED);
        assertThat(registry.done(first.id()).state()).isEqualTo(DispatchState.DONE);
        assertThat(registry.failed(registry.dispatches("run-1").get(1).id(), "platform lost").reason()).isEqualTo("platform lost");

        // disabled regions get nothing; what was placed on them and not launched goes back into the queue
        registry.setEnabled("region-a", false);
        registry.setEnabled("region-b", false);
        assertThat(registry.dispatches("run-1", DispatchState.ACCEPTED)).extracting(Dispatch::placement)
                .containsExactly("queued", "queued", "queued");
        assertThat(registry.dispatch("run-2", "c1", null).placement()).isEqualTo("queued");
        assertThat(registry.region("region-a").enabled()).isFalse();

        // re-enabled: the oldest waiting children fill region-b's room (3) first; the newest still waits
        registry.setEnabled("region-b", true);
        assertThat(registry.dispatches("run-1", DispatchState.ACCEPTED)).extracting(Dispatch::region)
                .containsExactly("region-b", "region-b", "region-b");
        assertThat(registry.dispatches("run-2").get(0).isQueued()).isTrue();

        // region-a back (headroom 2): run-2's child takes one slot of it
        registry.setEnabled("region-a", true);
        Dispatch run2 = registry.dispatches("run-2").get(0);
        assertThat(run2.region()).isEqualTo("region-a");
        // a job of two slots does not fit in region-a's one free slot: it waits
        Dispatch big = registry.dispatch("run-3", "big", null, 2);
        assertThat(big.isQueued()).isTrue();
        assertThat(big.slots()).isEqualTo(2);
        // region-a fails run-2's child: it leaves and never goes back; region-b is full, so it waits,
        // without holding back the newer two-slot job that now fits on region-a
        Dispatch rerouted = registry.requeueAvoidingRegion(run2.id(), "launch refused by region-a");
        assertThat(rerouted.isQueued()).isTrue();
        assertThat(rerouted.avoidRegions()).containsExactly("region-a");
        assertThat(rerouted.reason()).isEqualTo("launch refused by region-a");
        assertThat(registry.get(big.id()).region()).isEqualTo("region-a");
        assertThat(registry.region("region-a").queued()).isEqualTo(2);
    }
}
