package io.offstream.tasks.dispatch.scdf;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.offstream.dataflow.client.DataFlowOperations;

/** One SCDF client per SCDF URL the registry names, made by the given factory (a fake one in tests). */
public class RegionDataFlows {

    private final Function<URI, DataFlowOperations> clients;

    private final Map<String, DataFlowOperations> servers = new ConcurrentHashMap<>();

    public RegionDataFlows(Function<URI, DataFlowOperations> clients) {
        this.clients = clients;
    }

    public DataFlowOperations at(String scdfUrl) {
        String base = scdfUrl.endsWith("/") ? scdfUrl.substring(0, scdfUrl.length() - 1) : scdfUrl;
        return servers.computeIfAbsent(base, url -> clients.apply(URI.create(url)));
    }
}
