package io.offstream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.testsupport.RepositoryLayout;

/**
 * Runs scdf-deploy/kafka-broker's packaged exec jar the way the local platform's scripts do (here
 * rather than in that module because its checks use this module's clients helper).
 */
class KafkaBrokerApplicationIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void theExecJarServesClientsStopsOnSigtermWithExitZeroAndKeepsItsDataForTheNextStart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        String bootstrap = "localhost:" + port;

        try (BrokerProcess first = BrokerProcess.start(port, controllerPort, dataDirectory)) {
            assertThat(first.awaitLine("Kafka broker ready on " + bootstrap)).isTrue();
            KafkaTopics kafka = new KafkaTopics(bootstrap);
            kafka.create("exec-topic", 1);
            kafka.produce("exec-topic", Map.of("k1", "v1", "k2", "v2"));

            assertThat(first.terminate()).as(first::output).isZero();
            assertThat(first.awaitLine("Kafka broker " + bootstrap + " stopped")).isTrue();
        }

        try (BrokerProcess second = BrokerProcess.start(port, controllerPort, dataDirectory)) {
            assertThat(second.awaitLine("Kafka broker ready on " + bootstrap)).isTrue();
            List<ConsumerRecord<String, String>> records =
                    new KafkaTopics(bootstrap).readStringsAtLeast("exec-topic", 2, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v1", "v2");
            assertThat(second.terminate()).as(second::output).isZero();
        }
    }

    @Test
    void theExecJarExitsOneNamingAPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             BrokerProcess broker = BrokerProcess.start(taken.getLocalPort(), freePort(), dataDirectory)) {
            assertThat(broker.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(broker.process.exitValue()).isEqualTo(1);
            assertThat(broker.awaitLine("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")).isTrue();
        }
    }

    @Test
    void helpPrintsTheOptionsAndExitsZero() throws Exception {
        try (BrokerProcess help = BrokerProcess.run(List.of("--help"))) {
            assertThat(help.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(help.process.exitValue()).isZero();
            assertThat(help.awaitLine("--controller-port=N")).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The exec jar as a child process, its output collected line by line. */
    private static final class BrokerProcess implements AutoCloseable {
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder seen = new StringBuilder();
        private volatile boolean outputEnded;

        private BrokerProcess(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader output = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    output.lines().forEach(lines::add);
                } catch (Exception ignored) {
                    // the process ended
                } finally {
                    outputEnded = true;
                }
            }, "exec-jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        static BrokerProcess start(int port, int controllerPort, Path dataDirectory) throws Exception {
            return run(List.of("--port=" + port, "--controller-port=" + controllerPort, "--data-dir=" + dataDirectory));
        }

        static BrokerProcess run(List<String> args) throws Exception {
            // fails naming the folder when the broker module was not packaged
            Path execJar = RepositoryLayout.locate().kafkaBrokerJar();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", execJar.toString()));
            command.addAll(args);
            return new BrokerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        /** Whether a line containing {@code text} was printed (now or within 60 s). */
        boolean awaitLine(String text) throws InterruptedException {
            if (seen.indexOf(text) >= 0) {
                return true;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.append(line).append('\n');
                    if (line.contains(text)) {
                        return true;
                    }
                } else if (outputEnded && lines.isEmpty()) {
                    return false;
                }
            }
            return false;
        }

        /** Sends SIGTERM and returns the exit code. */
        int terminate() throws InterruptedException {
            // ProcessHandle.destroy sends SIGTERM and, unlike Process.destroy, keeps the output readable.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            return process.exitValue();
        }

        /** Everything printed so far, to explain a failed assertion. */
        String output() {
            List<String> rest = new ArrayList<>();
            lines.drainTo(rest);
            rest.forEach(line -> seen.append(line).append('\n'));
            return seen.toString();
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            System.out.print(output());
        }
    }
}
