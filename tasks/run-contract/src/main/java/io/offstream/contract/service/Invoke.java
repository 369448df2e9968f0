package io.offstream.contract.service;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the consumer reaches the service: exactly one of an in-process function or an HTTP endpoint.
 *
 * @param function in process: the name of a {@code java.util.function.Function} bean defined by the
 *        auto-configurations of {@code jar}, or the class name of a {@code Function} with a public
 *        no-argument constructor
 * @param jar the jar holding the function and its dependencies (relative to the service folder, or a URI);
 *        null when the function is already on the consumer's classpath
 * @param url remote: the endpoint the request is POSTed to as plain JSON
 * @param timeout remote: how long one call may take (a timeout is a transient failure)
 * @param properties in process: properties given to the jar's beans only, above every other source of
 *        their environment (e.g. another version's options); empty when none, always empty for a remote service
 */
public record Invoke(String function, URI jar, URI url, Duration timeout, Map<String, String> properties) {

    public Invoke {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public boolean remote() {
        return url != null;
    }
}
