package io.offstream.launcher.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.ClusterProcess;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * Starts the engine clusters of {@code up --cluster} (HDFS, Spark standalone, a Flink session)
 * like the platform's other components: detached, logged under .offstream/logs, recorded by pid,
 * each ready before the next starts. HDFS's storage is formatted on the first start.
 */
public final class EngineClusterStarter {

    private static final int READY_SECONDS = 120;

    private final PlatformSettings settings;

    private final ComponentStarter starter;

    private final Http http;

    private final Console console;

    public EngineClusterStarter(PlatformSettings settings, ComponentStarter starter, Http http, Console console) {
        this.settings = settings;
        this.starter = starter;
        this.http = http;
        this.console = console;
    }

    public void start(EngineClusters clusters) {
        if (!clusters.layout().built()) {
            throw new LauncherException("the engine clusters are not built (scdf-deploy/clusters): ./mvnw -DskipTests package");
        }
        clusters.prepare();
        if (clusters.needsFormat()) {
            format(clusters.formatCommand());
        }
        for (List<ClusterProcess> wave : clusters.startWaves()) {
            for (ClusterProcess process : wave) {
                starter.start(process.name(), process.port(), process.marker(), process.command(), process.environment());
            }
            for (ClusterProcess process : wave) {
                starter.awaitReady(process.name(), READY_SECONDS, () -> http.get(process.probe()).map(process::ready).orElse(false));
            }
        }
        console.say("clusters: HDFS " + clusters.hdfs() + " (NameNode UI http://localhost:" + clusters.ports().nameNodeHttp() + "), Spark "
                + clusters.sparkMaster() + " (UI " + clusters.sparkMasterUi() + "), Flink session " + clusters.flinkRest());
    }

    /** Formats the NameNode's storage, its output in the NameNode's log. */
    private void format(List<String> command) {
        Path log = starter.log(EngineClusters.NAMENODE);
        console.say("formatting HDFS's storage (first start; log: " + settings.display(log) + ")");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new LauncherException("formatting HDFS failed (exit " + exit + "); see " + settings.display(log));
            }
        }
        catch (IOException e) {
            throw new LauncherException("cannot format HDFS: " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", 130);
        }
    }
}
