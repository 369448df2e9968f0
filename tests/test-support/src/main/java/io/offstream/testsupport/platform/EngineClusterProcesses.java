package io.offstream.testsupport.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.offstream.launcher.cluster.ClusterLayout;
import io.offstream.launcher.cluster.ClusterPorts;
import io.offstream.launcher.cluster.ClusterProcess;
import io.offstream.launcher.cluster.EngineClusters;
import io.offstream.launcher.platform.Http;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The local cluster mode's engine clusters (HDFS, Spark standalone with two workers, a Flink
 * session), started as {@code up.sh --cluster} starts them ({@link EngineClusters}: the same
 * processes and configuration) on free ports, their data under the test's work directory.
 */
public final class EngineClusterProcesses implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(2);

    private final EngineClusters clusters;

    private final Path logs;

    private final Map<String, JavaProcess> processes = new LinkedHashMap<>();

    private final Http http = new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

    private EngineClusterProcesses(EngineClusters clusters, Path logs) {
        this.clusters = clusters;
        this.logs = logs;
    }

    /** Formats HDFS and starts every process, wave by wave as up.sh does. */
    public static EngineClusterProcesses start(RepositoryLayout layout, Path workDir) {
        ClusterPorts ports = new ClusterPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), firstOfTwoFreePorts(), FreePorts.find(), FreePorts.find(), FreePorts.find());
        EngineClusters clusters = new EngineClusters(ClusterLayout.of(layout.root(), workDir.toAbsolutePath()), ports, "127.0.0.1",
                Path.of(System.getProperty("java.home"), "bin", "java"));
        if (!clusters.layout().built()) {
            throw new IllegalStateException("The engine clusters are not built (scdf-deploy/clusters): " + clusters.layout());
        }
        EngineClusterProcesses started = new EngineClusterProcesses(clusters, workDir.resolve("logs"));
        try {
            started.startAll();
        }
        catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    private void startAll() {
        clusters.prepare();
        if (clusters.needsFormat()) {
            JavaProcess format = JavaProcess.command("hdfs-format", clusters.formatCommand()).logFile(logs.resolve("hdfs-format.log")).start();
            Await.until(READY, () -> !format.isAlive());
        }
        for (List<ClusterProcess> wave : clusters.startWaves()) {
            wave.forEach(this::launch);
            wave.forEach(this::awaitReady);
        }
    }

    private void start(ClusterProcess definition) {
        launch(definition);
        awaitReady(definition);
    }

    private void launch(ClusterProcess definition) {
        JavaProcess.Builder builder = JavaProcess.command(definition.name(), definition.command()).logFile(logs.resolve(definition.name() + ".log"));
        definition.environment().forEach(builder::env);
        processes.put(definition.name(), builder.start());
    }

    private void awaitReady(ClusterProcess definition) {
        processes.get(definition.name()).awaitReady(READY, () -> ready(definition));
    }

    /** Starts a process of the clusters again (after a test killed it), with its first configuration. */
    public void restart(String name) {
        ClusterProcess definition = clusters.processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster process " + name));
        start(definition);
    }

    private boolean ready(ClusterProcess definition) {
        return get(definition.probe()).map(definition::ready).orElse(false);
    }

    /** The body of a 2xx answer to a GET (a cluster's REST API), if any. */
    public Optional<String> get(URI uri) {
        return http.get(uri);
    }

    public EngineClusters clusters() {
        return clusters;
    }

    /** A running process by its component name ({@link EngineClusters#names()}). */
    public JavaProcess process(String name) {
        return processes.get(name);
    }

    @Override
    public void close() {
        List<JavaProcess> reverse = new ArrayList<>(processes.values());
        Collections.reverse(reverse);
        // the Spark workers' executors and drivers a test left are the workers' children
        List<ProcessHandle> children = new ArrayList<>();
        reverse.forEach(p -> children.addAll(p.descendants()));
        reverse.forEach(JavaProcess::close);
        JavaProcess.stopAll(children, Duration.ofSeconds(10));
    }

    /** Two consecutive free ports (the workers' UIs). */
    private static int firstOfTwoFreePorts() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = FreePorts.find();
            if (FreePorts.isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }
}
