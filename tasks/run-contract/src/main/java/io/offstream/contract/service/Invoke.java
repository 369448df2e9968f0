package io.offstream.contract.service;

import java.net.URI;
import java.time.Duration;

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
 */
public record Invoke(String function, URI jar, URI url, Duration timeout) {

    public boolean remote() {
        return url != null;
    }
}
