package io.offstream.launcher.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Health probes and small reads of the platform's HTTP endpoints (the registry, actuators). */
public final class Http {

    private final HttpClient client;

    public Http(HttpClient client) {
        this.client = client;
    }

    /** Answers 2xx within 5 s (curl -sf --max-time 5). */
    public boolean ok(URI uri) {
        return get(uri).isPresent();
    }

    /** The body of a 2xx answer within 5 s; empty on any other answer or none. */
    public Optional<String> get(URI uri) {
        return get(uri, Duration.ofSeconds(5));
    }

    /** The body of a 2xx answer within the timeout; empty on any other answer or none. */
    public Optional<String> get(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? Optional.of(response.body()) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
