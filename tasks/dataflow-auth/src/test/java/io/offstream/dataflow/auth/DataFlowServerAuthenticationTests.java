package io.offstream.dataflow.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.TaskDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCDF client with the {@link DataFlowAuthorization} the app's options make, as the composed
 * runner and the dispatcher build theirs, against a token endpoint and an "SCDF" served by the JDK's HTTP server.
 */
class DataFlowServerAuthenticationTests {

    private HttpServer server;

    private final List<String> seenByScdf = new CopyOnWriteArrayList<>();

    private final AtomicInteger tokensIssued = new AtomicInteger();

    /** Authorization values SCDF answers 401 to. */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> answer(exchange, 200, "{\"access_token\":\"region-token"
                + (tokensIssued.incrementAndGet() == 1 ? "" : tokensIssued.get()) + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/tasks/definitions/", exchange -> {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            seenByScdf.add(authorization);
            if (revoked.contains(authorization)) {
                answer(exchange, 401, "");
                return;
            }
            answer(exchange, 200, "{\"name\":\"offstream-run\",\"dslText\":\"offstream-plan\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void clientCredentialsOptionsMakeRequestsCarryTheClientsToken() {
        context.withPropertyValues("oauth2-client-credentials-client-id=dispatch",
                "oauth2-client-credentials-client-secret=s3cret",
                "oauth2-client-credentials-token-uri=" + base() + "/oauth2/token",
                "oauth2-client-credentials-scopes=dataflow.view,dataflow.create,dataflow.deploy").run(app -> {
                    assertThat(definition(app)).contains("offstream-plan");
                    assertThat(seenByScdf).containsExactly("Bearer region-token");
                });
    }

    @Test
    void aTokenScdfRefusesIsReplacedAndTheRequestSentOnceMore() {
        revoked.add("Bearer region-token");
        context.withPropertyValues("oauth2-client-credentials-client-id=dispatch",
                "oauth2-client-credentials-client-secret=s3cret",
                "oauth2-client-credentials-token-uri=" + base() + "/oauth2/token").run(app -> {
                    assertThat(definition(app)).isEqualTo("offstream-plan");
                    assertThat(seenByScdf).containsExactly("Bearer region-token", "Bearer region-token2");
                });
    }

    @Test
    void aGivenAccessTokenIsSentAsIs() {
        context.withPropertyValues("dataflow-server-access-token=users-token").run(app -> {
            definition(app);

            assertThat(seenByScdf).containsExactly("Bearer users-token");
        });
    }

    @Test
    void noOptionsSendNoAuthorization() {
        context.run(app -> {
            definition(app);

            assertThat(seenByScdf).containsExactly("null");
        });
    }

    @Test
    void aClientIdWithoutTokenUriFailsTheStartInOneLine() {
        context.withPropertyValues("oauth2-client-credentials-client-id=dispatch",
                "oauth2-client-credentials-client-secret=s3cret").run(app -> assertThat(org.assertj.core.util.Throwables.getRootCause(app.getStartupFailure()))
                .hasMessageStartingWith(
                        "oauth2-client-credentials-client-id is set but oauth2-client-credentials-token-uri is not"));
    }

    /** A request as the runner's and the dispatcher's clients make theirs: a definition, through the SCDF client with the app's authorization. */
    private String definition(org.springframework.context.ApplicationContext app) {
        return new DataFlowClient(base(), app.getBean(DataFlowAuthorization.class)).definition("offstream-run")
                .map(TaskDefinition::dslText).orElse("none");
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(DataFlowServerAuthentication.class)
    static class Wiring {
    }
}
