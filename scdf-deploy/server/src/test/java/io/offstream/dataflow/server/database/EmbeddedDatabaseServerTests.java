package io.offstream.dataflow.server.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseServerTests {

    @TempDir
    Path dir;

    @Test
    void servesOnlyItsOwnDatabaseOnlyOnLoopbackAndOnlyWithThePassword() throws Exception {
        LocalH2Url url = url("dataflow");
        try (EmbeddedDatabaseServer ignored = EmbeddedDatabaseServer.start(url, "sa", "s3cret", "127.0.0.1")) {
            try (Connection connection = DriverManager.getConnection(remote("dataflow", url.port()), "sa", "s3cret")) {
                assertThat(connection.isValid(1)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(remote("dataflow", url.port()), "sa", ""))
                    .hasMessageContaining("Wrong user name or password");
            // no -ifNotExists: a client cannot create a database of its own (with itself as admin) and run code there
            assertThatThrownBy(() -> DriverManager.getConnection(remote("mine", url.port()), "sa", ""))
                    .hasMessageContaining("not found");
            // bound to 127.0.0.1: another address of this machine is refused before H2 sees the connection
            assertThatThrownBy(() -> connect("127.0.0.2", url.port())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void givesADatabaseCreatedWithoutPasswordTheConfiguredOne() throws Exception {
        LocalH2Url url = url("older");
        try (Connection created = DriverManager.getConnection(url.embeddedUrl(), "sa", "");
                Statement statement = created.createStatement()) {
            statement.execute("CREATE TABLE KEPT (ID INT)");
        }
        try (EmbeddedDatabaseServer ignored = EmbeddedDatabaseServer.start(url, "sa", "n3w", "127.0.0.1")) {
            try (Connection connection = DriverManager.getConnection(remote("older", url.port()), "sa", "n3w");
                    Statement statement = connection.createStatement()) {
                assertThat(statement.executeQuery("SELECT COUNT(*) FROM KEPT").next()).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(remote("older", url.port()), "sa", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void refusesToStartOnADatabaseWithAnotherPassword() throws Exception {
        LocalH2Url url = url("other");
        DriverManager.getConnection(url.embeddedUrl(), "sa", "first").close();
        assertThatThrownBy(() -> EmbeddedDatabaseServer.start(url, "sa", "second", "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses user sa with the configured password")
                .hasMessageNotContaining("second").hasMessageNotContaining("first");
    }

    @Test
    void readsLocalTcpUrlsOnly() {
        assertThat(LocalH2Url.parse("jdbc:h2:tcp://localhost:19092//tmp/x/dataflow;DB_CLOSE_ON_EXIT=FALSE"))
                .contains(new LocalH2Url(19092, "/tmp/x/dataflow;DB_CLOSE_ON_EXIT=FALSE"));
        assertThat(LocalH2Url.parse("jdbc:h2:tcp://127.0.0.1/mem:dataflow")).contains(new LocalH2Url(9092, "mem:dataflow"));
        assertThat(LocalH2Url.parse("jdbc:h2:tcp://db.example.com:9092/dataflow")).isEmpty();
        assertThat(LocalH2Url.parse("jdbc:postgresql://localhost:5432/dataflow")).isEmpty();
        assertThat(LocalH2Url.parse(null)).isEmpty();
    }

    private LocalH2Url url(String name) throws IOException {
        return new LocalH2Url(freePort(), dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private String remote(String name, int port) {
        return "jdbc:h2:tcp://localhost:" + port + "/" + dir.resolve(name).toAbsolutePath();
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
