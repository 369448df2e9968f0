package io.offstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the checkout's built deployables are. Tests run from a module folder; the root is the
 * first parent holding both {@code mvnw} and {@code composed-definitions/} (or the
 * {@code offstream.repo.root} system property, which the build sets).
 */
public record RepositoryLayout(Path root) {

    public static RepositoryLayout locate() {
        String configured = System.getProperty("offstream.repo.root");
        if (configured != null) {
            return new RepositoryLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("composed-definitions"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the Offstream checkout above " + Path.of("").toAbsolutePath());
    }

    public Path dataFlowServerJar() {
        return built(root.resolve("scdf-deploy/server/target"), "offstream-dataflow-server.jar");
    }

    public Path kafkaBrokerJar() {
        return built(root.resolve("scdf-deploy/kafka-broker/target"), "*-exec.jar");
    }

    /** The local platform's java command for Spring Boot jars, with class-data sharing (scdf-deploy/local/cds-java). */
    public Path classDataSharingJava() {
        return root.resolve("scdf-deploy/local/cds-java");
    }

    /** What cds-java needs in its environment: this JVM's java as the real one, and the tests' cache. */
    public Map<String, String> classDataSharingEnvironment() {
        return Map.of("OFFSTREAM_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "OFFSTREAM_CDS_DIR", classDataSharingCache().toString());
    }

    /** cds-java's cache for the tests: built jars' extracted class paths and archives, shared by every module, gone with a clean. */
    public Path classDataSharingCache() {
        return root.resolve("target/cds");
    }

    /** A boot2 app's fat jar, by module path relative to the root and jar file name. */
    public Path appJar(String module, String jarName) {
        return built(root.resolve(module).resolve("target"), jarName);
    }

    private static Path built(Path targetDir, String glob) {
        if (Files.isDirectory(targetDir)) {
            try (Stream<Path> files = Files.list(targetDir)) {
                var matcher = targetDir.getFileSystem().getPathMatcher("glob:" + glob);
                var found = files.filter(f -> matcher.matches(f.getFileName())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No " + glob + " in " + targetDir + ": build it first (./mvnw -DskipTests install)");
    }
}
