package io.offstream.dataflow.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends one request to an SCDF server and turns what goes wrong into the typed errors: no answer
 * is {@link DataFlowUnreachableException}, 404 {@link DataFlowNotFoundException}, any other non-2xx
 * {@link DataFlowRefusedException} with SCDF's first error message. A 401 to a request that
 * carried credentials tells the authorization, which may drop its token, and the request is sent
 * once more.
 */
final class DataFlowHttp {

    private static final int MAX_MESSAGE = 300;

    private final URI server;

    private final DataFlowAuthorization authorization;

    private final Duration timeout;

    private final HttpClient http;

    private final ObjectMapper json = new ObjectMapper();

    DataFlowHttp(URI server, DataFlowAuthorization authorization, Duration timeout) {
        this.server = server;
        this.authorization = authorization;
        this.timeout = timeout;
        // HTTP/1.1: the JDK's h2c upgrade attempt buys nothing against SCDF and confuses some proxies
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    URI server() {
        return server;
    }

    /** The body of a 2xx answer; {@code form} is null for a request without a body. */
    String send(String method, String path, String form) {
        Optional<String> header = header(method, path);
        HttpResponse<String> response = exchange(method, path, form, header);
        if (response.statusCode() == 401 && header.isPresent()) {
            authorization.rejected();
            response = exchange(method, path, form, header(method, path));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String scdfMessage = firstMessage(response.body());
        String message = "SCDF " + server + " answered " + status + " to " + method + " " + path + ": " + scdfMessage;
        if (status == 404) {
            throw new DataFlowNotFoundException(message, scdfMessage);
        }
        throw new DataFlowRefusedException(message, status, scdfMessage);
    }

    JsonNode parse(String method, String path, String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "null" : body);
        }
        catch (JsonProcessingException e) {
            throw new DataFlowRefusedException("SCDF " + server + " answered " + method + " " + path + " with no JSON: "
                    + cut(body), 200, cut(body));
        }
    }

    /** The Authorization value for the next request; a token endpoint that cannot be reached is as good as no server. */
    private Optional<String> header(String method, String path) {
        try {
            return authorization.header();
        }
        catch (UncheckedIOException e) {
            throw new DataFlowUnreachableException("SCDF " + server + " did not answer " + method + " " + path + ": " + e, e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, String form, Optional<String> header) {
        URI uri = server.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        try {
            header.ifPresent(value -> request.header("Authorization", value));
            if (form == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(form));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new DataFlowUnreachableException("SCDF " + server + " did not answer " + method + " " + path + ": " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFlowUnreachableException("Interrupted while asking SCDF " + server + " " + method + " " + path, e);
        }
    }

    /** SCDF's error body is {@code {"_embedded":{"errors":[{"message":...}]}}}: the first message, cut short. */
    private String firstMessage(String body) {
        try {
            JsonNode error = json.readTree(body == null ? "" : body).at("/_embedded/errors/0/message");
            return cut(error.isTextual() ? error.asText() : body);
        }
        catch (JsonProcessingException notJson) {
            return cut(body);
        }
    }

    private static String cut(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() > MAX_MESSAGE ? value.substring(0, MAX_MESSAGE) + "..." : value;
    }
}
