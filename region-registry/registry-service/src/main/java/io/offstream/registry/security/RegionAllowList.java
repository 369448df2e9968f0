package io.offstream.registry.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.offstream.registry.security.EndpointPattern.HostPort;

/**
 * Where a region may point: its SCDF server must match {@code offstream.registry.allowed-scdf-urls}
 * and every Kafka bootstrap server {@code offstream.registry.allowed-kafka-bootstraps}, so that a
 * registration cannot send runs, or the registry's own capacity reads, to an outside host.
 */
public final class RegionAllowList {

    public static final String SCDF_PROPERTY = "offstream.registry.allowed-scdf-urls";

    public static final String KAFKA_PROPERTY = "offstream.registry.allowed-kafka-bootstraps";

    private final List<EndpointPattern> scdf;

    private final List<EndpointPattern> kafka;

    public RegionAllowList(List<String> scdfPatterns, List<String> kafkaPatterns) {
        this.scdf = parse(SCDF_PROPERTY, scdfPatterns);
        this.kafka = parse(KAFKA_PROPERTY, kafkaPatterns);
    }

    /** Why a region with this SCDF URL and Kafka bootstrap is refused, in one line; empty when it is allowed. */
    public Optional<String> refusal(String scdfUrl, String kafkaBootstrap) {
        Optional<String> scdfRefusal = scdfRefusal(scdfUrl);
        if (scdfRefusal.isPresent() || kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            return scdfRefusal;
        }
        for (String server : kafkaBootstrap.split(",")) {
            Optional<String> refused = kafkaRefusal(server.trim());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> scdfRefusal(String scdfUrl) {
        URI uri;
        try {
            uri = URI.create(scdfUrl == null ? "" : scdfUrl.trim());
        }
        catch (IllegalArgumentException e) {
            return Optional.of("scdfUrl '" + scdfUrl + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("scdfUrl '" + scdfUrl + "' is not an http(s) URL with a host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return check("scdfUrl '" + scdfUrl + "'", uri.getHost(), port, scdf, SCDF_PROPERTY);
    }

    private Optional<String> kafkaRefusal(String server) {
        String address = server.contains("://") ? server.substring(server.indexOf("://") + 3) : server;
        HostPort parts = HostPort.split(address.toLowerCase(Locale.ROOT));
        int port;
        try {
            port = parts == null || parts.port() == null || parts.host().isEmpty() ? -1 : HostPort.port(parts.port(), server);
        }
        catch (IllegalArgumentException e) {
            port = -1;
        }
        if (port < 0) {
            return Optional.of("kafkaBootstrap server '" + server + "' is not host:port");
        }
        return check("kafkaBootstrap server '" + server + "'", parts.host(), port, kafka, KAFKA_PROPERTY);
    }

    private static Optional<String> check(String what, String host, int port, List<EndpointPattern> allowed, String property) {
        if (allowed.stream().anyMatch(p -> p.matches(host, port))) {
            return Optional.empty();
        }
        return Optional.of(what + " is not allowed: add a pattern matching " + host + ":" + port + " to " + property
                + " (now " + allowed + ")");
    }

    private static List<EndpointPattern> parse(String property, List<String> patterns) {
        try {
            return patterns == null ? List.of() : patterns.stream().filter(p -> p != null && !p.isBlank())
                    .map(EndpointPattern::parse).toList();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}
