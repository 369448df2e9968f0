package io.offstream.registry.scdf;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.PlatformAccount;
import io.offstream.registry.config.RegionRegistryProperties;
import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionCapacity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a region's capacity from its SCDF ({@code GET /tasks/executions/current}: per platform
 * account the maximum and the running count), through the shared SCDF client. That read is also
 * the region's health check: an SCDF that does not answer within the timeout, or does not know
 * the account, makes it DOWN. One read per SCDF URL serves all its regions and is reused for
 * {@code capacity-cache-ttl}.
 */
@Component
public class ScdfCapacityReader {

    private final Function<URI, DataFlowOperations> clientFactory;

    private final Map<String, DataFlowOperations> clients = new ConcurrentHashMap<>();

    private final long ttlNanos;

    private final Map<String, Reading> cache = new ConcurrentHashMap<>();

    @Autowired
    public ScdfCapacityReader(RegionRegistryProperties properties) {
        this(url -> new DataFlowClient(url, DataFlowAuthorization.none(), properties.scdfTimeout()), properties.capacityCacheTtl());
    }

    /** Over any client per SCDF URL (a fake one in tests). */
    ScdfCapacityReader(Function<URI, DataFlowOperations> clientFactory, Duration cacheTtl) {
        this.clientFactory = clientFactory;
        this.ttlNanos = cacheTtl.toNanos();
    }

    public RegionCapacity capacity(Region region) {
        Reading reading = read(region.scdfUrl());
        if (reading.error() != null) {
            return RegionCapacity.down(reading.error());
        }
        PlatformAccount account = reading.platforms().stream()
                .filter(p -> region.platformAccount().equals(p.name())).findFirst().orElse(null);
        if (account == null) {
            return RegionCapacity.down("SCDF at " + region.scdfUrl() + " has no task platform account '"
                    + region.platformAccount() + "'");
        }
        Integer fixed = region.fixedCapacity();
        int capMax = fixed != null ? fixed : account.maximumTaskExecutions();
        return RegionCapacity.up(capMax, account.runningExecutionCount());
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
            List<PlatformAccount> platforms = clients.computeIfAbsent(url, u -> clientFactory.apply(URI.create(u))).currentExecutions();
            fresh = new Reading(now, platforms, null);
        }
        catch (RuntimeException e) {
            fresh = new Reading(now, List.of(), "SCDF at " + url + " did not answer: " + describe(e));
        }
        cache.put(url, fresh);
        return fresh;
    }

    /**
     * Why, in one line: the I/O error chain (e.g. {@code ConnectException <- ClosedChannelException},
     * a refused connection), SCDF's status and message, or the exception.
     */
    private static String describe(RuntimeException e) {
        if (e instanceof DataFlowRefusedException refused) {
            return "it answered " + refused.status() + ": " + refused.scdfMessage();
        }
        StringBuilder text = new StringBuilder();
        Throwable current = e instanceof DataFlowUnreachableException && e.getCause() != null ? e.getCause() : e;
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

    private record Reading(long readAt, List<PlatformAccount> platforms, String error) {
    }
}
