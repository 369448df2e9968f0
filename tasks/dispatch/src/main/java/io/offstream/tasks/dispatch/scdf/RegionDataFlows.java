package io.offstream.tasks.dispatch.scdf;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.client.RestTemplate;

/** One {@link RegionDataFlow} per SCDF URL the registry names. */
public class RegionDataFlows {

    private final RestTemplate rest;

    private final Map<String, RegionDataFlow> servers = new ConcurrentHashMap<>();

    public RegionDataFlows(RestTemplate rest) {
        this.rest = rest;
    }

    public RegionDataFlow at(String scdfUrl) {
        String base = scdfUrl.endsWith("/") ? scdfUrl.substring(0, scdfUrl.length() - 1) : scdfUrl;
        return servers.computeIfAbsent(base, url -> new RegionDataFlow(rest, URI.create(url)));
    }
}
