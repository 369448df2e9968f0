package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data directories refused or prepared before any broker starts. */
class KraftBrokerDataDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamedInTheError() throws Exception {
        Path file = Files.createFile(temp.resolve("not-a-directory"));
        Path dataDirectory = file.resolve("kafka");

        assertThatThrownBy(() -> new KraftBroker(KraftBrokerSettings.builder(dataDirectory).freePorts().build()).start())
                .isInstanceOf(KraftBrokerException.class)
                .hasMessageContaining("Kafka data directory " + dataDirectory + " is not a writable directory");
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedInTheError() throws Exception {
        Path file = Files.createFile(temp.resolve("kafka"));

        assertThatThrownBy(() -> new KraftBroker(KraftBrokerSettings.builder(file).freePorts().build()).start())
                .isInstanceOf(KraftBrokerException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void theFirstPreparationFormatsAndLaterOnesKeepTheClusterId() {
        Path dataDirectory = temp.resolve("kafka");

        String first = KraftStorage.prepare(dataDirectory, 1, KraftServerProperties.CONTROLLER_LISTENER);
        String second = KraftStorage.prepare(dataDirectory, 1, KraftServerProperties.CONTROLLER_LISTENER);

        assertThat(dataDirectory.resolve("meta.properties")).exists();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDataDirectoryOfAnotherNodeIsRefused() {
        Path dataDirectory = temp.resolve("kafka");
        KraftStorage.prepare(dataDirectory, 1, KraftServerProperties.CONTROLLER_LISTENER);

        assertThatThrownBy(() -> KraftStorage.prepare(dataDirectory, 2, KraftServerProperties.CONTROLLER_LISTENER))
                .isInstanceOf(KraftBrokerException.class)
                .hasMessageContaining(dataDirectory.toString())
                .hasMessageContaining("belongs to node 1");
    }
}
