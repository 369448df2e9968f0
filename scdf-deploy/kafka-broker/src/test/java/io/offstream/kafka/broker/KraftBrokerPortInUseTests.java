package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerPortInUseTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aTakenClientPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            KraftBrokerSettings settings = KraftBrokerSettings.builder(dataDirectory)
                    .port(taken.getLocalPort()).controllerPort(0).build();

            assertThatThrownBy(() -> new KraftBroker(settings).start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("client port " + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .extracting(e -> ((PortInUseException) e).port()).isEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void aTakenControllerPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            KraftBrokerSettings settings = KraftBrokerSettings.builder(dataDirectory)
                    .port(0).controllerPort(taken.getLocalPort()).build();

            assertThatThrownBy(() -> new KraftBroker(settings).start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("controller port " + taken.getLocalPort());
        }
    }

    @Test
    void aPortTakenOnAllAddressesIsTakenForTheLoopbackBrokerToo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            KraftBrokerSettings settings = KraftBrokerSettings.builder(dataDirectory)
                    .port(taken.getLocalPort()).controllerPort(0).build();

            assertThatThrownBy(() -> new KraftBroker(settings).start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }
}
