package io.offstream.tests.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The test authorization server (tests/test-apps/auth-server, Spring Authorization Server) as a
 * process on 127.0.0.1 and a free port. Its secrets are generated here and handed over in its
 * environment. Clients: {@code dataflow-dashboard} (authorization code, OpenID Connect; user
 * {@code alice}), {@code dataflow-runner} (client credentials, every Data Flow scope, 20 s tokens),
 * {@code dataflow-viewer} (client credentials, {@code dataflow.view} only), {@code dataflow-shell}
 * (client credentials, every Data Flow scope, 5 min tokens).
 */
final class TestAuthorizationServer implements AutoCloseable {

    static final String USER = "alice";

    static final String DASHBOARD_CLIENT = "dataflow-dashboard";

    static final String RUNNER_CLIENT = "dataflow-runner";

    static final String VIEWER_CLIENT = "dataflow-viewer";

    static final String SHELL_CLIENT = "dataflow-shell";

    static final String ALL_SCOPES =
            "dataflow.view dataflow.create dataflow.deploy dataflow.destroy dataflow.modify dataflow.schedule dataflow.manage";

    private final JavaProcess process;

    private final int port;

    final String userPassword = secret();

    final String dashboardSecret = secret();

    final String runnerSecret = secret();

    final String viewerSecret = secret();

    final String shellSecret = secret();

    private TestAuthorizationServer(RepositoryLayout layout, Path workDir) {
        port = FreePorts.find();
        process = JavaProcess.jar("auth-server", layout.appJar("tests/test-apps/auth-server", "offstream-auth-server-*.jar"))
                .logFile(workDir.resolve("logs/auth-server.log"))
                .env("OFFSTREAM_AUTH_USER_PASSWORD", userPassword)
                .env("OFFSTREAM_AUTH_DASHBOARD_SECRET", dashboardSecret)
                .env("OFFSTREAM_AUTH_RUNNER_SECRET", runnerSecret)
                .env("OFFSTREAM_AUTH_VIEWER_SECRET", viewerSecret)
                .env("OFFSTREAM_AUTH_SHELL_SECRET", shellSecret)
                .arg("--server.port=" + port)
                // a loopback redirect URI matches on any port (RFC 8252 7.3): the SCDF server's port is not known yet
                .arg("--offstream.auth.dashboard-redirect-uri=http://127.0.0.1/login/oauth2/code/offstream")
                .start();
        process.awaitReady(Duration.ofSeconds(90), () -> Await.httpOk(issuer() + "/.well-known/openid-configuration"));
    }

    static TestAuthorizationServer start(RepositoryLayout layout, Path workDir) {
        return new TestAuthorizationServer(layout, workDir);
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    URI tokenUri() {
        return URI.create(issuer() + "/oauth2/token");
    }

    JavaProcess process() {
        return process;
    }

    /** Tokens of a client-credentials client with these scopes, each reused for 10 s (they live 20 s or more). */
    Supplier<String> tokens(String clientId, String secret, String scopes) {
        return new Supplier<>() {
            private String token;
            private Instant fetched = Instant.MIN;

            @Override
            public synchronized String get() {
                if (token == null || Instant.now().isAfter(fetched.plusSeconds(10))) {
                    token = fetchToken(clientId, secret, scopes);
                    fetched = Instant.now();
                }
                return token;
            }
        };
    }

    /** A new access token of a client-credentials client. */
    String fetchToken(String clientId, String secret, String scopes) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUri())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + scopes.replace(" ", "+")))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = new ObjectMapper().readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token endpoint refused " + clientId + ": " + response.statusCode()
                        + " " + answer.path("error").asText());
            }
            return answer.path("access_token").asText();
        }
        catch (IOException e) {
            throw new IllegalStateException("Token endpoint unreachable: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
