package io.offstream.testsupport.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.launcher.platform.PlatformArguments;
import io.offstream.launcher.platform.PostgresCluster;
import io.offstream.testsupport.process.FreePorts;

/**
 * Throwaway PostgreSQL clusters of test JVMs, each in a {@code offstream-postgres-*} directory of the
 * temporary folder that names its JVM ({@code owner.pid}). pg_ctl detaches the server, so a JVM
 * killed before its cleanup (a failsafe timeout, kill -9) leaves one running; the next JVM that
 * starts a cluster stops and deletes every cluster whose JVM is gone.
 */
final class TestPostgresClusters {

    private static final Logger log = LoggerFactory.getLogger(TestPostgresClusters.class);
    private static final String PREFIX = "offstream-postgres-";
    private static final String OWNER = "owner.pid";

    private TestPostgresClusters() {
    }

    /** A new cluster, started with SCDF's and the registry's databases, after sweeping those of dead JVMs. */
    static PostgresCluster start(String role, String password) {
        Path binaries = PostgresCluster.findBinaries(System.getenv());
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        sweep(temp, binaries);
        try {
            Path directory = Files.createTempDirectory(PREFIX);
            Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            // a throwaway cluster: no flush to disk at each commit (a crash loses it whole anyway)
            PostgresCluster cluster = new PostgresCluster(binaries, directory, "127.0.0.1", FreePorts.find(), role, password,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
            cluster.start(List.of(PlatformArguments.DATAFLOW_DATABASE, PlatformArguments.REGISTRY_DATABASE));
            return cluster;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and deletes the clusters under {@code temp} whose JVM no longer runs. */
    static void sweep(Path temp, Path binaries) {
        try (DirectoryStream<Path> clusters = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path directory : clusters) {
                if (ownerGone(directory)) {
                    log.warn("Stopping the PostgreSQL cluster {} of a test JVM that is gone", directory);
                    // stop needs only the data directory; port, role and password are not used
                    new PostgresCluster(binaries, directory, "127.0.0.1", 0, "-", "-").stop();
                    delete(directory);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("Could not sweep old test PostgreSQL clusters under {}: {}", temp, e.toString());
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.toString());
        }
    }

    private static boolean ownerGone(Path directory) throws IOException {
        Path owner = directory.resolve(OWNER);
        if (!Files.exists(owner)) {
            // a directory from before owners were recorded, or one whose JVM is still writing it: leave it
            return false;
        }
        String pid = Files.readString(owner).strip();
        return !pid.matches("[0-9]+") || ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    }
}
