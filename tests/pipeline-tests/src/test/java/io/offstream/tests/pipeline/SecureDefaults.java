package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.offstream.testsupport.platform.LocalPlatform;

/**
 * The platform's secure defaults, seen from outside its processes: no socket any of them listens
 * on is reachable from another address of this machine, the database refuses a client without its
 * password, and no secret shows on a process's command line or in a log.
 */
final class SecureDefaults {

    /** A Kafka client setting every task of a run is given, as a SASL or TLS password would be (PLAINTEXT ignores it). */
    static final String PLANTED_PROPERTY = "app.*.offstream.kafka.client.ssl.truststore.password";

    /** Folders of the platform's work directory that are data, not logs: Kafka's, H2's, and the secrets themselves. */
    private static final Set<String> NOT_LOGS = Set.of("kafka", "h2", "secrets");

    private SecureDefaults() {
    }

    static String plantedSecret() {
        return "planted-" + UUID.randomUUID();
    }

    /** The database password the platform generated (what up.sh keeps in .offstream/secrets/). */
    static String databasePassword(LocalPlatform platform) throws IOException {
        return Files.readString(platform.workDir().resolve("secrets/dataflow/spring.datasource.password")).strip();
    }

    /** No command line seen during the watch, and no log the platform holds, carries one of {@code secrets}. */
    static void assertNoSecretShown(LocalPlatform platform, CommandLineWatch watch, List<String> secrets) throws IOException {
        assertThat(watch.samples()).as("command lines read during the run").isGreaterThan(20);
        assertThat(watch.sightings()).as("command lines holding a secret").isEmpty();
        assertThat(logsContaining(platform.workDir(), secrets)).as("logs holding a secret").isEmpty();
    }

    /**
     * Every TCP socket this JVM's child processes listen on (the broker, the SCDF server and its H2
     * database, consumers, services) is bound to 127.0.0.1 and refuses another address of the
     * machine; and the database refuses a client without its password here too, so nobody else can
     * run code in the server with {@code CREATE ALIAS}.
     */
    static void assertNothingReachableFromAnotherAddress(LocalPlatform platform, int... expectedPorts) throws Exception {
        Set<Long> platformProcesses = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        List<ListeningSockets.Listener> listeners = ListeningSockets.of(platformProcesses);
        int h2Port = Integer.parseInt(platform.dataflowServer().datasourceUrl().replaceAll("^jdbc:h2:tcp://localhost:(\\d+)/.*", "$1"));
        assertThat(listeners).extracting(ListeningSockets.Listener::port)
                .contains(platform.dataflowServer().uri().getPort(), h2Port)
                .containsAll(Arrays.stream(expectedPorts).boxed().toList());
        assertThat(listeners).allSatisfy(listener -> assertThat(listener.address()).as("%s", listener)
                .isIn("127.0.0.1", "[::ffff:127.0.0.1]"));
        InetAddress other = ListeningSockets.secondAddress();
        assertThat(listeners).allSatisfy(listener -> assertThat(ListeningSockets.accepts(other, listener.port()))
                .as("%s from %s", listener, other.getHostAddress()).isFalse());
        assertThatThrownBy(() -> DriverManager.getConnection(platform.dataflowServer().datasourceUrl(), "sa", "")
                .createStatement().execute("CREATE ALIAS RUN_ME FOR \"java.lang.System.getProperty\""))
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
    }

    /** Files under {@code root} (not Kafka's or H2's data, not the secrets) holding one of {@code secrets}. */
    private static List<String> logsContaining(Path root, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !underData(root, f)).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        found.add(root.relativize(file).toString());
                    }
                }
            }
        }
        return found;
    }

    private static boolean underData(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() > 1 && NOT_LOGS.contains(relative.getName(0).toString());
    }
}
