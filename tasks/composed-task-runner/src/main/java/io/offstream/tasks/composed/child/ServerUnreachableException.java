package io.offstream.tasks.composed.child;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The SCDF server gave no answer for longer than {@code server-unreachable-timeout} while a child
 * was followed. The step fails; the child's execution id is kept with it, so a restart follows
 * that child again instead of launching it twice.
 */
public class ServerUnreachableException extends RuntimeException {

    public ServerUnreachableException(URI server, Duration silent, Duration limit, String following, String lastError) {
        super(oneLine("SCDF server " + server + " unreachable for " + seconds(silent) + " (server-unreachable-timeout "
                + seconds(limit) + ") while following " + following + "; last error: " + lastError
                + "; restart the job to follow the child again"));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** A step's exit description is one line: an error body's line breaks are flattened. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
