package io.offstream.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.testsupport.RepositoryLayout;

/**
 * scdf-deploy/local/cds-java, the java command of the local platform's accounts, run on the probe
 * task's fat jar as SCDF runs it ({@code cds-java <JVM options> -jar <jar> <arguments>}): the first
 * launch extracts the jar and records an archive as it exits, the next takes that recording as the
 * archive and runs the same task with its classes mapped from it, and either way the task gets
 * exactly its arguments.
 */
class ClassDataSharingJavaIntegrationTests {

    private final RepositoryLayout layout = RepositoryLayout.locate();

    @TempDir
    Path dir;

    @Test
    void theFirstLaunchRecordsAnArchiveAndTheNextRunsTheSameTaskWithItsClassesMappedFromIt() throws Exception {
        Path cache = dir.resolve("cds");

        assertThat(launch(cache, Map.of(), "first")).isZero();
        Path entry = onlyEntry(cache);
        assertThat(Files.readString(entry.resolve("classpath.args"))).contains(entry.resolve("classes.jar").toString());
        assertThat(recorded("first")).contains("_args=--probe.record-dir\\=" + records() + " --offstream.run.key\\=first");
        assertThat(fileNames(entry)).as("the first launch's recording, kept as its JVM exited")
                .anyMatch(name -> name.startsWith("recording-")).doesNotContain("app.jsa");

        Path classLoading = dir.resolve("class-load.log");
        assertThat(launch(cache, Map.of(), "second", "-Xlog:class+load=info:file=" + classLoading)).isZero();
        assertThat(recorded("second")).contains("_args=--probe.record-dir\\=" + records() + " --offstream.run.key\\=second");
        try (Stream<String> lines = Files.lines(classLoading)) {
            assertThat(lines.filter(line -> line.contains("io.offstream.tests.probe.ProbeTaskApplication ")))
                    .singleElement().asString().contains("source: shared objects file");
        }
        assertThat(onlyEntry(cache)).isEqualTo(entry);
        assertThat(fileNames(entry)).as("the recording became the entry's archive; nothing recorded again")
                .contains("app.jsa").noneMatch(name -> name.startsWith("recording-"));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void offRunsTheJarAsGivenAndKeepsNothing() throws Exception {
        Path cache = dir.resolve("cds");
        assertThat(launch(cache, Map.of("OFFSTREAM_CDS", "off"), "plain")).isZero();
        assertThat(recorded("plain")).contains("--offstream.run.key\\=plain");
        assertThat(cache).doesNotExist();
    }

    @Test
    void aCommandWithoutAJarRunsAsGiven() throws Exception {
        Path cache = dir.resolve("cds");
        Process java = process(cache, Map.of(), List.of("-version"));
        assertThat(java.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(java.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("out.log"))).contains("version \"");
        assertThat(cache).doesNotExist();
    }

    private int launch(Path cache, Map<String, String> environment, String runKey, String... jvmOptions) throws Exception {
        Files.createDirectories(records());
        List<String> arguments = new ArrayList<>(List.of(jvmOptions));
        arguments.addAll(List.of("-jar", layout.appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toString(),
                "--probe.record-dir=" + records(), "--offstream.run.key=" + runKey));
        Process task = process(cache, environment, arguments);
        assertThat(task.waitFor(3, TimeUnit.MINUTES)).as("the probe ended; its output: %s", dir.resolve("out.log")).isTrue();
        return task.exitValue();
    }

    private Process process(Path cache, Map<String, String> environment, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(layout.root().resolve("scdf-deploy/local/cds-java").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("OFFSTREAM_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("OFFSTREAM_CDS_DIR", cache.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Path records() {
        return dir.resolve("records");
    }

    /** What the probe run with this run key received (it writes one file per run). */
    private String recorded(String runKey) throws IOException {
        try (Stream<Path> files = Files.list(records())) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("offstream.run.key=" + runKey)) {
                    return text;
                }
            }
        }
        throw new AssertionError("no record of run " + runKey + " in " + records());
    }

    private static Path onlyEntry(Path cache) throws IOException {
        try (Stream<Path> entries = Files.find(cache, 2, (path, attributes) -> attributes.isDirectory()
                && path.getFileName().toString().startsWith("v2-"))) {
            List<Path> found = entries.toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
