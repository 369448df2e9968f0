package io.offstream.registry.web;

/**
 * Optional body of a state change.
 *
 * @param reason why
 * @param avoidRegion on a requeue: the dispatch's region failed it, so it is not placed there again
 */
public record ReasonRequest(String reason, Boolean avoidRegion) {

    static String reasonOf(ReasonRequest body) {
        return body == null ? null : body.reason();
    }

    static boolean avoidsRegion(ReasonRequest body) {
        return body != null && Boolean.TRUE.equals(body.avoidRegion());
    }
}
