package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SparkLauncher hands spark-submit, seen through a Spark home whose spark-submit prints its
 * arguments. (The whole path on a real standalone cluster is the cluster integration test's.)
 */
class SparkLauncherSubmitterTests {

    @TempDir
    Path sparkHome;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private EngineJob job() {
        return new EngineJob("ingress-2026-01-01", "Main", Path.of("/jobs/app.jar"), List.of(Path.of("/jobs/lib/a.jar"), Path.of("/jobs/lib/b.jar")),
                List.of("-Xmx1g", "-XX:+UseParallelGC"), Map.of("spark.executor.memory", "2g"), List.of("--x=1"), null, Duration.ofMinutes(1));
    }

    private void submitScript(int exitCode) throws Exception {
        Path bin = Files.createDirectories(sparkHome.resolve("bin"));
        Path script = bin.resolve("spark-submit");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void submitsInClientModeToTheMasterWithTheJobsJarsSettingsAndArguments() throws Exception {
        submitScript(0);
        new SparkLauncherSubmitter(sparkHome, "spark://master:7077").run(job(), lines::add);
        List<String> args = lines.stream().filter(l -> l.startsWith("arg:")).map(l -> l.substring(4)).toList();
        assertThat(args).containsSubsequence("--master", "spark://master:7077");
        assertThat(args).containsSubsequence("--deploy-mode", "client");
        assertThat(args).containsSubsequence("--class", "Main");
        assertThat(args).containsSubsequence("--name", "ingress-2026-01-01");
        assertThat(args).containsSubsequence("--jars", "/jobs/lib/a.jar,/jobs/lib/b.jar");
        assertThat(args).contains("spark.executor.memory=2g");
        // the driver's options, with the watch that ends it with this task; its heap is spark-submit's setting
        assertThat(args).contains("spark.driver.extraJavaOptions=-XX:+UseParallelGC -Doffstream.parent.pid=" + ProcessHandle.current().pid());
        assertThat(args).contains("spark.driver.memory=1g");
        assertThat(args).endsWith("/jobs/app.jar", "--x=1");
    }

    @Test
    void anApplicationThatNeverReportedFinishingHasFailed() throws Exception {
        // a spark-submit that exits without the driver having reported to the launcher: Spark calls it LOST or FAILED
        submitScript(0);
        assertThat(new SparkLauncherSubmitter(sparkHome, "local").run(job(), lines::add).succeeded()).isFalse();
        submitScript(3);
        EngineResult failed = new SparkLauncherSubmitter(sparkHome, "local").run(job(), lines::add);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.lastLines()).contains("arg:--x=1");
        assertThat(lines).anyMatch(l -> l.startsWith("[offstream] Spark application ") && l.endsWith(" is FAILED"));
    }

    @Test
    void aSparkHomeWithoutSparkSubmitIsNamed() {
        assertThatThrownBy(() -> new SparkLauncherSubmitter(sparkHome, "local").run(job(), lines::add))
                .hasMessage("The Spark home " + sparkHome + " has no runnable bin/spark-submit");
    }
}
