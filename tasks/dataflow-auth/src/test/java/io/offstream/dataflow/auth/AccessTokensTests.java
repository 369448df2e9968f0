package io.offstream.dataflow.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AccessTokens} against a token endpoint served by the JDK's HTTP server. */
class AccessTokensTests {

    private HttpServer server;

    private final AtomicInteger issued = new AtomicInteger();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private volatile int status = 200;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("Authorization") + "|" + body);
            byte[] answer = (status == 200
                    ? "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":400}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTokenIsReusedUntilAMinuteOfItsLifeIsLeftThenFetchedAgain() {
        AccessTokens tokens = new AccessTokens(client(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC), clock);

        assertThat(tokens.get()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(339));
        assertThat(tokens.get()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.get()).isEqualTo("token-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void basicAuthenticationSendsTheSecretInTheHeaderAndAsksForTheScopes() {
        new AccessTokens(client(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC), clock).get();

        assertThat(requests.get(0)).startsWith("Basic Y3RyOnMlM0NjcmV0|")
                .contains("grant_type=client_credentials").contains("scope=dataflow.view")
                .doesNotContain("client_secret");
    }

    @Test
    void postAuthenticationSendsTheSecretInTheForm() {
        new AccessTokens(client(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_POST), clock).get();

        assertThat(requests.get(0)).startsWith("null|").contains("client_id=ctr").contains("client_secret=s%3Ccret");
    }

    @Test
    void aRefusalNamesTheEndpointAndTheClientButNotTheSecret() {
        status = 401;
        AccessTokens tokens = new AccessTokens(client(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC), clock);

        assertThatThrownBy(tokens::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/oauth2/token refused client ctr (401): invalid_client")
                .hasMessageNotContaining("s<cret");
    }

    @Test
    void anUnreachableEndpointIsAnIoFailure() {
        URI closed = endpoint();
        server.stop(0);
        AccessTokens tokens = new AccessTokens(new ClientCredentials(closed, "ctr", "s<cret", Set.of(),
                ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC), clock);

        assertThatThrownBy(tokens::get).isInstanceOf(UncheckedIOException.class).hasMessageContaining("unreachable");
    }

    @Test
    void anInvalidatedTokenIsFetchedAgain() {
        AccessTokens tokens = new AccessTokens(client(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC), clock);
        tokens.get();

        tokens.invalidate();

        assertThat(tokens.get()).isEqualTo("token-2");
    }

    private ClientCredentials client(ClientCredentials.AuthenticationMethod method) {
        return new ClientCredentials(endpoint(), "ctr", "s<cret", Set.of("dataflow.view"), method);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
