package io.offstream.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;

/** Starts real detached processes (sh scripts) and reads their real logs and pid records. */
class ComponentStarterIntegrationTests {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PidRecords pids;

    private ComponentStarter starter(PlatformPorts ports) {
        PlatformSettings settings = new PlatformSettings(root, root.resolve(".offstream"), root.resolve("services").toString(), "127.0.0.1",
                Region.parse(Region.DEFAULTS), ports);
        pids = new PidRecords(settings.pids());
        return new ComponentStarter(settings, pids, new Ports(), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err),
                seconds -> sleep());
    }

    @AfterEach
    void stop() {
        if (pids != null) {
            pids.allPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path script(String name, String body) throws Exception {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void startsDetachedRecordsItAndWaitsForItsOwnReadinessLine() throws Exception {
        int port = freePort();
        ComponentStarter starter = starter(PlatformPorts.fixed());
        Path script = script("broker.sh", "echo \"secret-free $1\"; sleep 1; echo 'Kafka broker ready'; sleep 60");
        Files.createDirectories(root.resolve(".offstream/logs"));
        Files.writeString(root.resolve(".offstream/logs/kafka.log"), "Kafka broker ready (an earlier run's)\n");

        starter.start("kafka", port, script.toString(), List.of(script.toString(), "--port=" + port), Map.of());
        assertThat(starter.logContains("kafka", "Kafka broker ready")).isFalse();
        starter.awaitReady("kafka", 30, () -> starter.logContains("kafka", "Kafka broker ready"));

        long pid = pids.runningPid("kafka").orElseThrow();
        assertThat(ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse("")).contains(script.toString());
        assertThat(pids.port("kafka")).hasValue(port);
        // its own session: the terminal's signals do not reach it
        assertThat(ProcFs.system().session(pid)).hasValue(pid);
        assertThat(Files.readString(starter.log("kafka"))).contains("secret-free --port=" + port);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[offstream] starting kafka on port " + port + " (log: .offstream/logs/kafka.log)",
                "[offstream] kafka ready after ");

        starter.start("kafka", port, script.toString(), List.of(script.toString()), Map.of());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[offstream] kafka already running (pid " + pid + ")");
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ComponentStarter starter = starter(PlatformPorts.fixed());

            assertThatThrownBy(() -> starter.start("realtime", taken.getLocalPort(), "x", List.of("true"), Map.of()))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageStartingWith("realtime cannot start: port " + taken.getLocalPort() + " is already taken")
                    .hasMessageEndingWith(". Stop that process or free the port.");
        }
    }

    @Test
    void anExitDuringStartUpIsReportedWithItsLog() throws Exception {
        ComponentStarter starter = starter(PlatformPorts.fixed());
        Path script = script("dies.sh", "echo 'cannot bind'; exit 3");

        starter.start("region-registry", freePort(), script.toString(), List.of(script.toString()), Map.of());

        assertThatThrownBy(() -> starter.awaitReady("region-registry", 30, () -> false)).isInstanceOf(LauncherException.class)
                .hasMessage("region-registry exited during start-up; see .offstream/logs/region-registry.log");
    }

    @Test
    void aComponentItStartedCountsAsAliveWhileItsCommandLineDoesNotShowItsMarker() throws Exception {
        ComponentStarter starter = starter(PlatformPorts.fixed());
        // as setsid and cds-java exec one program after another: the marker is not on the command line for a while
        Path script = script("starting.sh", "sleep 60");
        AtomicInteger probes = new AtomicInteger();

        starter.start("region-registry", freePort(), root.resolve("registry.jar").toString(), List.of(script.toString()), Map.of());
        starter.awaitReady("region-registry", 30, () -> probes.incrementAndGet() > 3);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[offstream] region-registry ready after");
        assertThat(pids.isRunning("region-registry")).isFalse(); // its marker: what an earlier launcher's check relied on
    }

    @Test
    void aMissingJarIsNamedWithTheBuildCommand() {
        ComponentStarter starter = starter(PlatformPorts.fixed());

        assertThatThrownBy(() -> starter.startJar("dataflow", 1, root.resolve("server.jar"), List.of(), List.of(), Map.of()))
                .hasMessage("dataflow: " + root.resolve("server.jar") + " is missing (build it: ./mvnw -DskipTests package)");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
