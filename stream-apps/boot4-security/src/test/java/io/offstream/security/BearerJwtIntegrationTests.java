package io.offstream.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production: with a JWK set configured, a write also accepts a bearer JWT signed by one of its
 * keys (and Basic as before); a token signed by another key is refused. The JWK set is served over
 * HTTP by the test, as an issuer serves it.
 */
class BearerJwtIntegrationTests {

    private static final String PASSWORD = "basic-still-works";

    private final HttpClient http = HttpClient.newHttpClient();

    private RSAKey issuerKey;

    private HttpServer jwks;

    @BeforeEach
    void serveTheIssuersKeys() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
        byte[] body = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void aWriteAcceptsABearerJwtSignedByTheIssuerAndRefusesAnyOther() throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(WriteSecurityTestApplication.class, "--server.port=0",
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--offstream.security.password=" + PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks")) {
            String things = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/things";

            assertThat(post(things, "Bearer " + token(issuerKey))).isEqualTo(200);
            assertThat(post(things, "Bearer " + token(new RSAKeyGenerator(2048).keyID("issuer-key").generate()))).isEqualTo(401);
            assertThat(post(things, "Bearer not-a-jwt")).isEqualTo(401);
            assertThat(post(things, null)).isEqualTo(401);
            assertThat(post(things, "Basic " + Base64.getEncoder().encodeToString(("offstream:" + PASSWORD).getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(200);
        }
    }

    private static String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("dispatcher").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int post(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("thing"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
