package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChildJvmSubmitterTests {

    private static EngineJob echo(String exitCode) {
        Path classes = Path.of(EchoMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return new EngineJob("echo", EchoMain.class.getName(), classes, List.of(), SparkJavaOptions.JAVA_17,
                Map.of("spark.master", "local[2]"), List.of("--a=b", exitCode), null, Duration.ofMinutes(1));
    }

    @Test
    void runsTheJobInAChildJvmAndStreamsItsOutput() throws Exception {
        List<String> lines = new ArrayList<>();
        EngineResult result = new ChildJvmSubmitter().run(echo("0"), lines::add);
        assertThat(result.succeeded()).isTrue();
        assertThat(lines).contains("arg --a=b", "conf local[2]");
        assertThat(result.lastLines()).contains("conf local[2]");
    }

    @Test
    void reportsTheChildsExitCode() throws Exception {
        EngineResult result = new ChildJvmSubmitter().run(echo("3"), line -> { });
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void buildsASparkSubmitCommandForAClusterMaster() {
        EngineJob job = new EngineJob("ingress-2026-01-01", "Main", Path.of("/jobs/app.jar"), List.of(Path.of("/jobs/lib/a.jar"),
                Path.of("/jobs/lib/b.jar")), List.of("-Xmx1g"), Map.of("spark.executor.memory", "2g"), List.of("--x=1"), null, null);
        List<String> command = new SparkSubmitSubmitter(Path.of("/opt/spark"), "spark://master:7077").command(job);
        assertThat(command).containsExactly("/opt/spark/bin/spark-submit", "--master", "spark://master:7077", "--deploy-mode", "client",
                "--name", "ingress-2026-01-01", "--class", "Main", "--jars", "/jobs/lib/a.jar,/jobs/lib/b.jar",
                "--driver-java-options", "-Xmx1g", "--conf", "spark.executor.memory=2g", "/jobs/app.jar", "--x=1");
    }
}
