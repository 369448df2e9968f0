package io.offstream.dataflow.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SCDF client built from Boot's {@code RestTemplateBuilder}, as the composed runner and the
 * dispatcher build theirs, against a token endpoint and an "SCDF" served by the JDK's HTTP server.
 */
class DataFlowServerAuthenticationTests {

    private HttpServer server;

    private final List<String> seenByScdf = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestTemplateAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> answer(exchange,
                "{\"access_token\":\"region-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/tasks/definitions/", exchange -> {
            seenByScdf.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            answer(exchange, "{\"name\":\"offstream-run\",\"dslText\":\"offstream-plan\"}");
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

    /** A request as the runner's and the dispatcher's clients make theirs: a definition, from a RestTemplate the app's builder made. */
    private String definition(org.springframework.context.ApplicationContext app) {
        return app.getBean(RestTemplateBuilder.class).build().getForObject(base().resolve("/tasks/definitions/offstream-run"), String.class);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(DataFlowServerAuthentication.class)
    static class Wiring {
    }
}
