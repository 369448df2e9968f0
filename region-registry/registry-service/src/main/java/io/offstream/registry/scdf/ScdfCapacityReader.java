package io.offstream.registry.scdf;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.offstream.registry.config.RegionRegistryProperties;
import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionCapacity;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Reads a region's capacity from its SCDF ({@code GET /tasks/executions/current}: per platform
 * account the maximum and the running count). That read is also the region's health check: an
 * SCDF that does not answer within the timeout, or does not know the account, makes it DOWN.
 * One read per SCDF URL serves all its regions and is reused for {@code capacity-cache-ttl}.
 */
@Component
public class ScdfCapacityReader {

    private static final ParameterizedTypeReference<List<ScdfPlatform>> PLATFORMS = new ParameterizedTypeReference<>() { };

    private final RestClient rest;

    private final long ttlNanos;

    private final Map<String, Reading> cache = new ConcurrentHashMap<>();

    public ScdfCapacityReader(RegionRegistryProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.scdfTimeout()).build());
        factory.setReadTimeout(properties.scdfTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.ttlNanos = properties.capacityCacheTtl().toNanos();
    }

    public RegionCapacity capacity(Region region) {
        Reading reading = read(region.scdfUrl());
        if (reading.error() != null) {
            return RegionCapacity.down(reading.error());
        }
        ScdfPlatform account = reading.platforms().stream()
                .filter(p -> region.platformAccount().equals(p.name())).findFirst().orElse(null);
        if (account == null) {
            return RegionCapacity.down("SCDF at " + region.scdfUrl() + " has no task platform account '"
                    + region.platformAccount() + "'");
        }
        Integer fixed = region.fixedCapacity();
        int capMax = fixed != null ? fixed : nullToZero(account.maximumTaskExecutions());
        return RegionCapacity.up(capMax, nullToZero(account.runningExecutionCount()));
    }

    /** Forgets the cached read of one SCDF, so the next look sees a launch or an end at once. */
    public void forget(String scdfUrl) {
        cache.remove(normalize(scdfUrl));
    }

    private Reading read(String scdfUrl) {
        String url = normalize(scdfUrl);
        long now = System.nanoTime();
        Reading cached = cache.get(url);
        if (cached != null && now - cached.readAt() < ttlNanos) {
            return cached;
        }
        Reading fresh;
        try {
            List<ScdfPlatform> platforms = rest.get().uri(url + "/tasks/executions/current").retrieve().body(PLATFORMS);
            fresh = new Reading(now, platforms == null ? List.of() : platforms, null);
        }
        catch (RuntimeException e) {
            fresh = new Reading(now, List.of(), "SCDF at " + url + " did not answer: " + describe(e));
        }
        cache.put(url, fresh);
        return fresh;
    }

    /** The exception chain, e.g. {@code ConnectException <- ClosedChannelException} (a refused connection). */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable current = e instanceof ResourceAccessException && e.getCause() != null ? e.getCause() : e;
        for (int depth = 0; current != null && depth < 4; depth++, current = current.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
        }
        return text.toString();
    }

    private static String normalize(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private record Reading(long readAt, List<ScdfPlatform> platforms, String error) {
    }
}
