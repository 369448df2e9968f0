package io.offstream.tasks.egress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.offstream.tasks.support.engine.EmbeddedEngineFiles;

/**
 * Finds the Flink egress job's fat jar: the configured one, else the one this task carries in its
 * own jar ({@code offstream-engine/flink-egress-job/}, unpacked once), so a task launched from the
 * dashboard needs no checkout.
 */
final class FlinkJobJar {

    static final String EMBEDDED = "flink-egress-job";

    private FlinkJobJar() {
    }

    static Path resolve(Path configured, EmbeddedEngineFiles embedded) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new IllegalStateException("offstream.egress.job-jar " + configured + " is not a file");
            }
            return configured;
        }
        Path dir = embedded.unpacked().orElseThrow(() -> new IllegalStateException("This egress task carries no Flink job "
                + "(it was built without tasks/flink-egress-job): set offstream.egress.job-jar"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("offstream-flink-egress-job-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Flink egress job jar in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for the Flink egress job jar in " + dir, e);
        }
    }
}
