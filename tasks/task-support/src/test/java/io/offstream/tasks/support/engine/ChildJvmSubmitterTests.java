package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aJobOnJarsRecordsAClassDataSharingArchiveOnceAndLaterRunsMapIt(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("echo-job.jar");
        String entry = EchoMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream in = EchoMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        EngineJob job = new EngineJob("echo", EchoMain.class.getName(), jar, List.of(), List.of(), Map.of("spark.master", "local[1]"),
                List.of("0"), null, Duration.ofMinutes(1));
        Path archive = ChildJvmSubmitter.archiveOf(job);

        List<String> first = new ArrayList<>();
        assertThat(new ChildJvmSubmitter().run(job, first::add).succeeded()).isTrue();
        assertThat(archive).isRegularFile();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("echo-job.jar", "echo-job.jar.jsa");

        List<String> second = new ArrayList<>();
        assertThat(new ChildJvmSubmitter().run(job, second::add).succeeded()).isTrue();
        assertThat(second).containsExactly("arg 0", "conf local[1]").isEqualTo(first);
    }

    @Test
    void aJobWithAFolderOnItsClassPathRunsWithoutAnArchive() throws Exception {
        EngineJob job = echo("0");
        assertThat(new ChildJvmSubmitter().run(job, line -> { }).succeeded()).isTrue();
        assertThat(ChildJvmSubmitter.archiveOf(job)).doesNotExist();
    }

    @Test
    void reportsTheChildsExitCode() throws Exception {
        EngineResult result = new ChildJvmSubmitter().run(echo("3"), line -> { });
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
    }
}
