package io.offstream.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.Console;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.EngineClusters;

/** status over real pid records, a real listening port and a real HTTP server standing in for a consumer's actuator. */
class PlatformStatusTests {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void showsRunningStoppedAndTakenComponentsAndIsUnhealthyWhenARunningOneDoesNotAnswer() throws Exception {
        Files.createDirectories(root.resolve("services/risk"));
        Files.writeString(root.resolve("services/risk/service.yaml"), "name: risk");
        int consumer = freePort();
        HttpServer actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", consumer), 0);
        actuator.createContext("/actuator/health", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        actuator.start();
        try (ServerSocket taken = new ServerSocket(0); ServerSocket kafkaPort = new ServerSocket(0)) {
            PlatformPorts ports = new PlatformPorts(kafkaPort.getLocalPort(), freePort(), freePort(), freePort(), consumer, taken.getLocalPort(),
                    freePort(), freePort(), freePort(), freePort());
            PlatformSettings settings = new PlatformSettings(root, root.resolve(".offstream"), root.resolve("services").toString(), "127.0.0.1",
                    Region.parse(Region.DEFAULTS), ports);
            PidRecords pids = new PidRecords(settings.pids());
            // this test JVM stands in for the components: the first word of its own command line is its marker
            long self = ProcessHandle.current().pid();
            String java = PidRecords.commandLine(self).split(" ")[0];
            pids.record("kafka", self, java, OptionalInt.of(ports.kafka()));
            pids.record("consumer", self, java, OptionalInt.of(consumer));
            pids.record("dataflow", self, java, OptionalInt.of(ports.scdf()));
            pids.record("region-registry", self, "/no/such/registry.jar", OptionalInt.of(ports.registry()));

            int exit = new PlatformStatus(settings, new Catalogue(settings.services()), pids, new Ports(), new Http(HttpClient.newHttpClient()),
                    new ObjectMapper(), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).show();

            assertThat(exit).isEqualTo(1);
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).containsExactly(
                    String.format("%-20s %-8s pid %-8s port %-6s %s", "kafka", "running", self, ports.kafka(), "up"),
                    String.format("%-20s %-8s pid %-8s port %-6s %s", "dataflow", "running", self, ports.scdf(), "down"),
                    String.format("%-20s %-8s pid %-8s port %-6s %s", "consumer", "running", self, consumer, "up"),
                    String.format("%-20s %-8s %-12s port %-6s %s", "realtime", "stopped", "", ports.realtime(),
                            "(port " + ports.realtime() + " taken by another process)"),
                    String.format("%-20s %-8s %-12s port %-6s ", "pricing-service", "stopped", "", ports.pricing()),
                    String.format("%-20s %-8s %-12s port %-6s ", "region-registry", "stopped", "", ports.registry()),
                    "logs: .offstream/logs/   dashboard: http://localhost:" + ports.scdf() + "/dashboard");
        }
        finally {
            actuator.stop(0);
        }
    }

    @Test
    void onceTheClustersWereStartedEachOfTheirProcessesHasARow() throws Exception {
        PlatformSettings settings = new PlatformSettings(root, root.resolve(".offstream"), root.resolve("services").toString(), "127.0.0.1",
                Region.parse(Region.DEFAULTS), new PlatformPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                        freePort(), freePort(), freePort()));
        PidRecords pids = new PidRecords(settings.pids());
        long self = ProcessHandle.current().pid();
        pids.record(EngineClusters.NAMENODE, self, PidRecords.commandLine(self).split(" ")[0], OptionalInt.of(19000));

        int exit = new PlatformStatus(settings, new Catalogue(settings.services()), pids, new Ports(), new Http(HttpClient.newHttpClient()),
                new ObjectMapper(), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).show();

        // the NameNode "runs" (this JVM) but its JMX does not answer: the platform is not healthy
        assertThat(exit).isEqualTo(1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(String.format("%-20s %-8s pid %-8s port %-6s %s", "hdfs-namenode",
                "running", self, 19000, "down")));
        for (String name : EngineClusters.names().subList(1, EngineClusters.names().size())) {
            assertThat(lines).as(name).anySatisfy(line -> assertThat(line).startsWith(String.format("%-20s %-8s", name, "stopped")));
        }
    }

    @Test
    void aPidRecordOfAProcessThatRunsSomethingElseIsNotRunning() {
        PidRecords pids = new PidRecords(root.resolve("pids"));
        pids.record("kafka", ProcessHandle.current().pid(), "/somewhere/kafka-broker-exec.jar", OptionalInt.empty());
        pids.record("gone", Long.MAX_VALUE / 2, "x", OptionalInt.empty());

        assertThat(pids.isRunning("kafka")).isFalse();
        assertThat(pids.isRunning("gone")).isFalse();
        assertThat(pids.names("")).containsExactly("gone", "kafka");
        pids.remove("kafka");
        assertThat(pids.names("")).containsExactly("gone");
        assertThat(pids.port("kafka")).isEmpty();
    }

    @Test
    void regionsAreNamePairs() {
        assertThat(Region.parse(" region-a:8  region-b:6 ")).containsExactly(new Region("region-a", 8), new Region("region-b", 6));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Region.parse("region-a")).hasMessage(
                "OFFSTREAM_REGIONS holds name:max pairs like region-a:8, not 'region-a'");
    }
}
