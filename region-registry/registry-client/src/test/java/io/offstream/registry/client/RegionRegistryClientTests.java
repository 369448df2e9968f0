package io.offstream.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's wire format against a stub of the registry's API. */
class RegionRegistryClientTests {

    private HttpServer server;

    private RegionRegistryClient client;

    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    private volatile int status = 200;

    private volatile String response = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new RegionRegistryClient(URI.create("http://localhost:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsADispatchWithItsPayloadAndReadsThePlacement() {
        response = "{\"id\":7,\"region\":null,\"runKey\":\"r\",\"childKey\":\"c\",\"payload\":{\"from\":\"2026-01-01\"},"
                + "\"state\":\"ACCEPTED\",\"placement\":\"queued\",\"reason\":null,\"createdAt\":\"2026-11-22T05:00:00Z\","
                + "\"updatedAt\":\"2026-11-22T05:00:01.5Z\",\"somethingNew\":1}";
        Dispatch dispatch = client.dispatch("r", "c", Map.of("from", "2026-01-01"));
        assertThat(lastRequest.get()).isEqualTo("POST /dispatches {\"runKey\":\"r\",\"childKey\":\"c\",\"payload\":{\"from\":\"2026-01-01\"},\"slots\":1}");
        assertThat(dispatch.id()).isEqualTo(7);
        assertThat(dispatch.isQueued()).isTrue();
        assertThat(dispatch.payload().path("from").asText()).isEqualTo("2026-01-01");
        assertThat(dispatch.createdAt()).isEqualTo(Instant.parse("2026-11-22T05:00:00Z"));
    }

    @Test
    void readsRegionsAndEncodesNamesInPaths() {
        response = "{\"name\":\"a b\",\"health\":\"DOWN\",\"reason\":\"gone\",\"capMax\":0,\"active\":0,\"queued\":0,\"headroom\":0,\"enabled\":true}";
        RegionStatus region = client.setEnabled("a b", false);
        assertThat(lastRequest.get()).isEqualTo("PUT /regions/a%20b/enabled false");
        assertThat(region.isUp()).isFalse();
        assertThat(region.reason()).isEqualTo("gone");
    }

    @Test
    void writesCarryBasicCredentialsAndReadsNone() {
        RegionRegistryClient writer = new RegionRegistryClient(URI.create(base()), "offstream", "pa:ss word");
        response = "[]";
        writer.assign();
        assertThat(lastAuthorization.get()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("offstream:pa:ss word".getBytes(StandardCharsets.UTF_8)));
        writer.regions();
        assertThat(lastAuthorization.get()).isNull();
    }

    @Test
    void refusedCredentialsNameTheRegistryAndTheUserButNotThePassword() {
        status = 401;
        response = "";
        assertThatThrownBy(() -> new RegionRegistryClient(URI.create(base()), "offstream", "wrong-secret").assign())
                .isInstanceOfSatisfying(RegionRegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("the region registry at " + base() + " refused the credentials of user 'offstream'")
                .message().doesNotContain("wrong-secret");
        status = 403;
        assertThatThrownBy(() -> client.delete("a"))
                .hasMessageContaining("answered 403")
                .hasMessageContaining("the region registry at " + base() + " requires credentials for writes and this client has none");
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Test
    void anErrorStatusBecomesAnExceptionWithTheStatusAndBody() {
        status = 409;
        response = "{\"detail\":\"Dispatch 3 is DONE\"}";
        assertThatThrownBy(() -> client.launched(3))
                .isInstanceOfSatisfying(RegionRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("Dispatch 3 is DONE");
    }
}
