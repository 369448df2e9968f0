package io.offstream.tasks.composed.child;

import java.net.URI;
import java.time.Duration;

import org.springframework.web.client.RestClientException;

/**
 * How long the SCDF server has given no usable answer while one child is followed. A runner
 * whose server is gone (down.sh, a crash) must end rather than poll it for ever: past the limit
 * the step fails with {@link ServerUnreachableException}. Any answer resets it.
 */
final class ServerSilence {

    private final URI server;

    private final Duration limit;

    /** System.nanoTime() when the first unanswered request of the current silence was sent; null while it answers. */
    private Long since;

    /** System.nanoTime() of the last warning about the current silence. */
    private Long reportedAt;

    ServerSilence(URI server, Duration limit) {
        this.server = server;
        this.limit = limit;
    }

    void answered() {
        since = null;
        reportedAt = null;
    }

    /**
     * A request sent at {@code askedNanos} got no usable answer. Returns how long the server has
     * been silent, or throws once that is longer than the limit.
     */
    Duration noAnswer(long askedNanos, String following, RestClientException error) {
        if (since == null) {
            since = askedNanos;
        }
        Duration silent = Duration.ofNanos(System.nanoTime() - since);
        if (silent.compareTo(limit) > 0) {
            throw new ServerUnreachableException(server, silent, limit, following, reason(error));
        }
        return silent;
    }

    /** Whether the current silence is worth a warning: at its start, then every {@code every}, not at every poll. */
    boolean reportDue(Duration every) {
        long now = System.nanoTime();
        if (since != null && (reportedAt == null || now - reportedAt >= every.toNanos())) {
            reportedAt = now;
            return true;
        }
        return false;
    }

    /** The root cause ("java.net.ConnectException: Connection refused") or the 5xx, cut short. */
    private static String reason(RestClientException error) {
        Throwable cause = error.getMostSpecificCause();
        String reason = cause == error ? error.getMessage() : cause.toString();
        return reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
    }
}
