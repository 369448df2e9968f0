package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory a running broker holds. */
class KraftBrokerDataDirectoryIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aDataDirectoryInUseByARunningBrokerIsRefusedBeforeAnythingStarts() {
        Path dataDirectory = temp.resolve("shared");
        try (KraftBroker running = new KraftBroker(KraftBrokerSettings.builder(dataDirectory).freePorts().build()).start()) {
            KraftBroker second = new KraftBroker(KraftBrokerSettings.builder(dataDirectory).freePorts().build());

            assertThatThrownBy(second::start)
                    .isInstanceOf(KraftBrokerException.class)
                    .hasMessageContaining("Kafka data directory " + dataDirectory + " is in use by another running broker");
            assertThat(running.isRunning()).isTrue();
        }
    }
}
