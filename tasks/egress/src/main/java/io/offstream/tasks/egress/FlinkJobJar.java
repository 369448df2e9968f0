package io.offstream.tasks.egress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the Flink egress job's fat jar: the configured one, else the one built in the checkout. */
final class FlinkJobJar {

    static final String BUILT_IN = "tasks/flink-egress-job/target";

    private FlinkJobJar() {
    }

    static Path resolve(Path configured, Path home) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new IllegalStateException("offstream.egress.job-jar " + configured + " is not a file");
            }
            return configured;
        }
        Path dir = home.resolve(BUILT_IN);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("offstream-flink-egress-job-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Flink egress job jar in " + dir
                            + ": build it (./mvnw -DskipTests package) or set offstream.egress.job-jar"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot look for the Flink egress job jar in " + dir
                    + " (set offstream.egress.job-jar or offstream.home)", e);
        }
    }
}
