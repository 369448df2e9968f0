package io.offstream.dataflow.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of an OAuth2 client-credentials client: fetched on first use and again before
 * it expires (a quarter of its lifetime before, at most a minute), so a long run keeps a valid
 * token. A failure names the token endpoint, the client and the server's answer, never the secret
 * or a token.
 */
public final class AccessTokens implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    /** When the server gives no {@code expires_in}: ask again after this. */
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);

    private final ClientCredentials client;

    private final Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final ObjectMapper json = new ObjectMapper();

    private String token;

    private Instant refreshAt = Instant.MIN;

    public AccessTokens(ClientCredentials client) {
        this(client, Clock.systemUTC());
    }

    AccessTokens(ClientCredentials client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A token valid now, fetched when there is none or the one held is close to expiry. */
    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the token held (the server refused it), so the next {@link #get()} fetches one. */
    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!client.scopes().isEmpty()) {
            form.put("scope", String.join(" ", client.scopes()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(client.tokenUri()).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded");
        if (client.authenticationMethod() == ClientCredentials.AuthenticationMethod.CLIENT_SECRET_BASIC) {
            // RFC 6749 2.3.1: both parts form-encoded before Basic encoding
            String pair = encode(client.clientId()) + ":" + encode(client.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        else {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Instant asked = clock.instant();
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode answer = parse(response);
        if (response.statusCode() != 200 || !answer.path("access_token").isTextual()) {
            throw new IllegalStateException("Token endpoint " + client.tokenUri() + " refused client " + client.clientId()
                    + " (" + response.statusCode() + "): " + describeError(answer));
        }
        Duration lifetime = answer.path("expires_in").canConvertToLong() && answer.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(answer.path("expires_in").asLong()) : UNKNOWN_LIFETIME;
        Duration margin = lifetime.dividedBy(4).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : lifetime.dividedBy(4);
        token = answer.path("access_token").asText();
        refreshAt = asked.plus(lifetime).minus(margin);
        LOG.info("Got an access token of client {} from {}, valid {} s, fetched again after {}", client.clientId(),
                client.tokenUri(), lifetime.toSeconds(), refreshAt);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            // unchecked but I/O: the client's request fails as unreachable, as when SCDF itself is
            throw new UncheckedIOException(new IOException("Token endpoint " + client.tokenUri()
                    + " unreachable for client " + client.clientId() + ": " + e, e));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + client.tokenUri() + " for a token", e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        }
        catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** The OAuth2 error fields only: the answer of a misbehaving server could hold a token. */
    private static String describeError(JsonNode answer) {
        String error = answer.path("error").asText("no OAuth2 error in the answer");
        String description = answer.path("error_description").asText("");
        return description.isEmpty() ? error : error + ": " + description;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The instant of the next fetch, for tests. */
    synchronized Instant refreshAt() {
        return refreshAt;
    }

}
