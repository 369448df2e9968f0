package io.offstream.tasks.egress.flink;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real in-process KRaft broker per test class, and a landing folder under target/. */
abstract class EgressJobIntegrationTestSupport {

    static final String SERVICE = "risk";

    static KraftBroker broker;
    static Path workDirectory;

    @BeforeAll
    static void startBroker() throws Exception {
        Path target = Path.of("target", "it-work").toAbsolutePath();
        Files.createDirectories(target);
        workDirectory = Files.createTempDirectory(target, "egress-");
        broker = new KraftBroker(KraftBrokerSettings.builder(workDirectory.resolve("kafka")).freePorts().build()).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static Path landing() {
        return workDirectory.resolve("landing");
    }

    static Path runDirectory(Path landing, String runKey) {
        return landing.resolve(SERVICE).resolve("run=" + runKey);
    }

    /** The job's arguments for a run; more options may be added. */
    static String[] args(String runKey, Path landing, Path resultFile, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers=" + broker.bootstrapServers(),
                "--topic=" + EgressJobOptions.egressTopic(SERVICE, runKey),
                "--landing=" + landing.toUri(),
                "--service=" + SERVICE,
                "--run-key=" + runKey,
                "--result-file=" + resultFile,
                "--parallelism=2"));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }
}
