package io.offstream.dataflow.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How requests to a secured SCDF authenticate: the {@code Authorization} header value for each
 * request (asked per request, so a token source may refresh it), and a hook told when the server
 * answered 401, after which the client sends the request once more.
 */
@FunctionalInterface
public interface DataFlowAuthorization {

    /** The header value for the next request, e.g. {@code Bearer <token>}; empty for none. */
    Optional<String> header();

    /** The server refused the last header (401): forget any cached credential. */
    default void rejected() {
    }

    static DataFlowAuthorization none() {
        return Optional::empty;
    }

    /** {@code Bearer} with the token the supplier gives at each request. */
    static DataFlowAuthorization bearer(Supplier<String> token) {
        return () -> Optional.of("Bearer " + token.get());
    }

    static DataFlowAuthorization basic(String username, String password) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return () -> Optional.of("Basic " + pair);
    }
}
