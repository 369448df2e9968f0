package io.offstream.registry.web;

/** Optional body of a state change: why. */
public record ReasonRequest(String reason) {

    static String reasonOf(ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
