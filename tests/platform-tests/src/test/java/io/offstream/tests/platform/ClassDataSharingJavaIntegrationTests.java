package io.offstream.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

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

    /**
     * What the SCDF server's and the consumer's jars need: a Start-Class long enough that the manifest
     * wraps it onto a second line, and resources at the jar's root, where Spring Boot 3.2+ puts the
     * application's META-INF (java -jar has the jar itself on the class path).
     */
    @Test
    void aWrappedStartClassAndTheJarsRootResourcesReachTheApplication() throws Exception {
        String main = "io.offstream.tests.cdsprobe.AnApplicationWhoseClassNameIsLongEnoughToWrapInTheManifest";
        Path jar = bootLikeJar(main, "META-INF/offstream-probe.txt", "from the jar's root");
        Path cache = dir.resolve("cds");

        Process java = process(cache, Map.of(), List.of("-jar", jar.toString(), "an-argument"));
        assertThat(java.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(Files.readString(dir.resolve("out.log"))).contains("root resource: from the jar's root; arguments: [an-argument]");
        assertThat(java.exitValue()).isZero();
        assertThat(Files.readString(onlyEntry(cache).resolve("main")).trim()).isEqualTo(main);
    }

    /** A jar laid out as Spring Boot's: the compiled class under BOOT-INF/classes, a BOOT-INF/lib, a resource at the root. */
    private Path bootLikeJar(String main, String rootResource, String content) throws IOException {
        int dot = main.lastIndexOf('.');
        Path source = dir.resolve("src").resolve(main.substring(dot + 1) + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package " + main.substring(0, dot) + ";\n"
                + "public class " + main.substring(dot + 1) + " {\n"
                + "  public static void main(String[] args) throws Exception {\n"
                + "    try (var in = ClassLoader.getSystemResourceAsStream(\"" + rootResource + "\")) {\n"
                + "      System.out.println(\"root resource: \" + new String(in.readAllBytes()) + \"; arguments: \" + java.util.Arrays.toString(args));\n"
                + "    }\n  }\n}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(compiled).isZero();

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", main);
        Path jar = dir.resolve("boot-like.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            String classFile = main.replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry("BOOT-INF/classes/" + classFile));
            out.write(Files.readAllBytes(classes.resolve(classFile)));
            out.putNextEntry(new JarEntry("BOOT-INF/lib/"));
            out.putNextEntry(new JarEntry(rootResource));
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
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
                && path.getFileName().toString().startsWith("v3-"))) {
            List<Path> found = entries.toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
