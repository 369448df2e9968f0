package io.offstream.tasks.egress.flink;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunTopics;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test JVM's shared KRaft broker (each class's runs have topics of their own), and a landing
 * folder under target/ per class; runs land the sample risk service unless told.
 */
@ExtendWith(KafkaBrokerExtension.class)
abstract class EgressJobIntegrationTestSupport {

    static final String SERVICE = "risk";

    static KafkaTopics kafka;
    static Path workDirectory;

    @BeforeAll
    static void useTheSharedBroker(KafkaTopics sharedBroker) throws Exception {
        kafka = sharedBroker;
        Path target = Path.of("target", "it-work").toAbsolutePath();
        Files.createDirectories(target);
        workDirectory = Files.createTempDirectory(target, "egress-");
    }

    static Path landing() {
        return workDirectory.resolve("landing");
    }

    static String egressTopic(String runKey) {
        return RunTopics.of(SERVICE, runKey).egress();
    }

    /** A risk run's egress topic with results on its first {@code dataPartitions} partitions. */
    static EgressTopicFixture riskTopic(String runKey, int partitions, int dataPartitions) {
        return new EgressTopicFixture(kafka, egressTopic(runKey), partitions, dataPartitions, RiskResults.SERVICE);
    }

    static Path runDirectory(Path landing, String runKey) {
        return runDirectory(landing, SERVICE, runKey);
    }

    static Path runDirectory(Path landing, String service, String runKey) {
        return Path.of(new RunLayout(landing.toUri(), service, runKey).runDirectory());
    }

    /** The job's arguments for a risk run; more options may be added. */
    static String[] args(String runKey, Path landing, Path resultFile, String... more) {
        return args(RiskResults.SERVICE, TestServices.REPOSITORY_CATALOGUE, runKey, landing, resultFile, more);
    }

    /** The job's arguments for a run of any catalogue entry. */
    static String[] args(ServiceDefinition service, URI catalogue, String runKey, Path landing, Path resultFile, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers=" + kafka.bootstrapServers(),
                "--topic=" + RunTopics.of(service.name(), runKey).egress(),
                "--landing=" + landing.toUri(),
                "--services-location=" + catalogue,
                "--service=" + service.name(),
                "--run-key=" + runKey,
                "--result-file=" + resultFile,
                "--parallelism=2"));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }
}
