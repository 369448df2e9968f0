package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class KraftBrokerSettingsTests {

    private static final Path DATA = Path.of("build-data/kafka");

    @Test
    void defaultsAreTheLocalPlatformsBroker() {
        KraftBrokerSettings settings = KraftBrokerSettings.of(DATA);

        assertThat(settings.nodeId()).isEqualTo(1);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.advertisedHost()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.defaultPartitions()).isEqualTo(1);
        assertThat(settings.logRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.brokerProperties()).isEmpty();
    }

    @Test
    void freePortsAsksForPortZeroTwice() {
        KraftBrokerSettings settings = KraftBrokerSettings.builder(DATA).freePorts().build();

        assertThat(settings.port()).isZero();
        assertThat(settings.controllerPort()).isZero();
    }

    @Test
    void theSamePortForClientsAndControllerIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KraftBrokerSettings.builder(DATA).port(9092).controllerPort(9092).build())
                .withMessageContaining("port and controllerPort must differ");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KraftBrokerSettings.builder(DATA).port(70_000).build())
                .withMessageContaining("port must be 0 (any free port) or 1-65535, was 70000");
    }

    @Test
    void aMissingDataDirectoryIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KraftBrokerSettings.builder(null).build())
                .withMessageContaining("dataDirectory is required");
    }

    @Test
    void brokerPropertiesMayNotSetWhatTheSettingsOwn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KraftBrokerSettings.builder(DATA)
                        .brokerProperty("listeners", "PLAINTEXT://:1")
                        .brokerProperty("log.dirs", "/tmp/x")
                        .build())
                .withMessageContaining("[listeners, log.dirs]");
    }

    @Test
    void brokerPropertiesOverrideTheDevelopmentDefaults() {
        KraftBrokerSettings settings = KraftBrokerSettings.builder(DATA)
                .brokerProperty("offsets.topic.num.partitions", "3").build();

        var properties = KraftServerProperties.of(settings, DATA.toAbsolutePath(), new BrokerPorts(19092, 19093));

        assertThat(properties)
                .containsEntry("offsets.topic.num.partitions", "3")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
                .containsEntry("log.dirs", DATA.toAbsolutePath().toString())
                .containsEntry("log.retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void toBuilderKeepsEveryField() {
        KraftBrokerSettings settings = KraftBrokerSettings.builder(DATA).nodeId(3).port(1).controllerPort(2)
                .advertisedHost("kafka.local").bindAddress("0.0.0.0").defaultPartitions(4)
                .logRetention(Duration.ofHours(1)).startupTimeout(Duration.ofSeconds(5))
                .brokerProperty("message.max.bytes", "2000000").build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}
