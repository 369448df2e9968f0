package io.offstream.launcher.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.offstream.launcher.LauncherException;

/** The region registry's regions: each local region registered (a write, with the platform password), and their headroom. */
public final class RegistryRegions {

    private final URI registry;

    private final HttpClient http;

    private final ObjectMapper json;

    private final Path log;

    public RegistryRegions(URI registry, HttpClient http, ObjectMapper json, Path log) {
        this.registry = registry;
        this.http = http;
        this.json = json;
        this.log = log;
    }

    /** Registers (or updates) a region: its SCDF, platform account and broker; capacity read from SCDF. */
    public void register(Region region, URI scdf, String kafkaBootstrap, String platformPassword) {
        ObjectNode body = json.createObjectNode().put("name", region.name()).put("scdfUrl", scdf.toString()).put("platformAccount", region.name())
                .put("kafkaBootstrap", kafkaBootstrap).put("capacitySource", "scdf");
        String credentials = Base64.getEncoder().encodeToString(("offstream:" + platformPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/regions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return;
            }
        }
        catch (IOException e) {
            // refused below
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new LauncherException("the region registry refused region " + region.name() + " (see " + log + ")");
    }

    /** {@code region-a (headroom 8) region-b (headroom 6) ...}; empty when the registry does not answer. */
    public String summary() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(registry.resolve("/regions")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> regions = new ArrayList<>();
            for (JsonNode region : json.readTree(response.body())) {
                regions.add(region.path("name").asText() + " (headroom " + region.path("headroom").asInt() + ")");
            }
            return String.join(" ", regions);
        }
        catch (IOException | RuntimeException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
