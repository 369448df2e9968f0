package io.offstream.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The region registry's REST API, for the dispatcher and tests. Plain Java 17 and Jackson 2: no
 * Spring, so boot2 tasks can use it. Thread-safe.
 *
 * <p>Reads are open; every write (POST, PUT, DELETE) needs the registry's credentials
 * ({@code offstream.security.user}/{@code offstream.security.password} on the registry), which a
 * client built with them sends as HTTP Basic. A write the registry refuses for its credentials is a
 * {@link RegionRegistryException} with status 401 or 403 that says so.
 */
public final class RegionRegistryClient {

    private final URI base;

    private final HttpClient http;

    private final Duration timeout;

    private final String user;

    /** The {@code Authorization} header of writes, or null without credentials. */
    private final String authorization;

    private final ObjectMapper mapper = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A client without credentials: it can read; the registry refuses its writes. */
    public RegionRegistryClient(URI base) {
        this(base, Duration.ofSeconds(10));
    }

    /** A client without credentials: it can read; the registry refuses its writes. */
    public RegionRegistryClient(URI base, Duration timeout) {
        this(base, timeout, null, null);
    }

    /** A client that writes as {@code user} with {@code password} (HTTP Basic). */
    public RegionRegistryClient(URI base, String user, String password) {
        this(base, Duration.ofSeconds(10), user, password);
    }

    /**
     * A client that writes as {@code user} with {@code password} (HTTP Basic); with a null or empty
     * password it sends no credentials.
     */
    public RegionRegistryClient(URI base, Duration timeout, String user, String password) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        boolean credentials = password != null && !password.isEmpty();
        if (credentials && (user == null || user.isBlank() || user.contains(":"))) {
            throw new IllegalArgumentException("The registry user must be a non-blank name without ':' (was '" + user + "')");
        }
        this.user = credentials ? user : null;
        this.authorization = credentials ? "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
    }

    /** Registers a region, or updates the one of that name. */
    public RegionStatus register(RegionSpec region) {
        return send("POST", "/regions", region, new TypeReference<>() { });
    }

    public RegionStatus setEnabled(String region, boolean enabled) {
        return send("PUT", "/regions/" + encode(region) + "/enabled", enabled, new TypeReference<>() { });
    }

    public void delete(String region) {
        send("DELETE", "/regions/" + encode(region), null, new TypeReference<JsonNode>() { });
    }

    /** Every region with its health and headroom, by name. */
    public List<RegionStatus> regions() {
        return send("GET", "/regions", null, new TypeReference<>() { });
    }

    public RegionStatus region(String name) {
        return send("GET", "/regions/" + encode(name), null, new TypeReference<>() { });
    }

    /**
     * Accepts a child run into the persistent queue: it is placed on the healthy region with the
     * most headroom, or waits (region null) until one has room. Asking again for the same run
     * and child returns the dispatch already accepted.
     */
    public Dispatch dispatch(String runKey, String childKey, Object payload) {
        return dispatch(runKey, childKey, payload, 1);
    }

    /** As {@link #dispatch(String, String, Object)}, for a job that holds {@code slots} task slots on its region. */
    public Dispatch dispatch(String runKey, String childKey, Object payload, int slots) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runKey", runKey);
        body.put("childKey", childKey);
        body.put("payload", payload == null ? NullNode.getInstance() : mapper.valueToTree(payload));
        body.put("slots", slots);
        return send("POST", "/dispatches", body, new TypeReference<>() { });
    }

    public List<Dispatch> dispatches() {
        return send("GET", "/dispatches", null, new TypeReference<>() { });
    }

    public List<Dispatch> dispatches(String runKey) {
        return send("GET", "/dispatches?runKey=" + encode(runKey), null, new TypeReference<>() { });
    }

    public List<Dispatch> dispatches(String runKey, DispatchState state) {
        return send("GET", "/dispatches?runKey=" + encode(runKey) + "&state=" + state.name(), null, new TypeReference<>() { });
    }

    public Dispatch get(long id) {
        return send("GET", "/dispatches/" + id, null, new TypeReference<>() { });
    }

    /** The dispatcher launched it on its region: it no longer counts as queued (SCDF counts it as active). */
    public Dispatch launched(long id) {
        return transition(id, "launched", null);
    }

    public Dispatch done(long id) {
        return transition(id, "done", null);
    }

    public Dispatch failed(long id, String reason) {
        return transition(id, "failed", reason);
    }

    /** Puts it back in the queue (region null) to be placed again, e.g. after its region failed. */
    public Dispatch requeue(long id, String reason) {
        return transition(id, "requeue", reason);
    }

    /** Puts it back in the queue because its region failed it: it is placed on another region. */
    public Dispatch requeueAvoidingRegion(long id, String reason) {
        return send("POST", "/dispatches/" + id + "/requeue", Map.of("reason", reason, "avoidRegion", true),
                new TypeReference<>() { });
    }

    /** Places queued dispatches on regions that have room now; returns those placed. */
    public List<Dispatch> assign() {
        return send("POST", "/dispatches/assign", null, new TypeReference<>() { });
    }

    private Dispatch transition(long id, String action, String reason) {
        Map<String, Object> body = reason == null ? null : Map.of("reason", reason);
        return send("POST", "/dispatches/" + id + "/" + action, body, new TypeReference<>() { });
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> type) {
        URI uri = URI.create(base + path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
            if (authorization != null && !"GET".equals(method)) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            }
            else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new RegionRegistryException(method + " " + uri + " answered " + response.statusCode() + ": " + refusal(),
                        response.statusCode(), null);
            }
            if (response.statusCode() >= 300) {
                throw new RegionRegistryException(method + " " + uri + " answered " + response.statusCode() + ": "
                        + response.body(), response.statusCode(), null);
            }
            if (response.body() == null || response.body().isBlank()) {
                return null;
            }
            return mapper.readValue(response.body(), type);
        }
        catch (IOException e) {
            throw new RegionRegistryException(method + " " + uri + " failed: " + e.getMessage(), 0, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegionRegistryException(method + " " + uri + " interrupted", 0, e);
        }
    }

    /** Why the registry refused a write, without the password. */
    private String refusal() {
        if (user == null) {
            return "the region registry at " + base + " requires credentials for writes and this client has none "
                    + "(build it with the registry's user and password, offstream.security.user/password on the registry)";
        }
        return "the region registry at " + base + " refused the credentials of user '" + user
                + "' (check that the password matches the registry's offstream.security.password)";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
