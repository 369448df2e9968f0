package io.offstream.dataflow.server.database;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL of an H2 database served over TCP by this machine,
 * {@code jdbc:h2:tcp://localhost:PORT/DATABASE[;SETTINGS]}.
 *
 * @param port     the TCP server's port
 * @param database what follows the port: a path or {@code mem:name}, with any settings
 */
record LocalH2Url(int port, String database) {

    private static final Pattern URL = Pattern.compile("^jdbc:h2:tcp://(?:localhost|127\\.0\\.0\\.1)(?::(\\d+))?/(.+)$");

    /** H2's default TCP port. */
    private static final int DEFAULT_PORT = 9092;

    /** The parts of {@code url}, or empty when it is not a local H2 TCP URL (a remote server, PostgreSQL, ...). */
    static Optional<LocalH2Url> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = URL.matcher(url.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int port = matcher.group(1) == null ? DEFAULT_PORT : Integer.parseInt(matcher.group(1));
        return Optional.of(new LocalH2Url(port, matcher.group(2)));
    }

    /** The same database opened inside this JVM, which the TCP server then serves. */
    String embeddedUrl() {
        return "jdbc:h2:" + database;
    }
}
