package io.offstream.consumer.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.offstream.contract.layout.RunLayout;

/**
 * Where the consumer reads the service catalogue: {@code offstream.services.location} (a URI or a
 * local path), else {@code <offstream.home>/schemas/services} (the checkout's catalogue; Spring
 * also reads {@code offstream.home} from the environment variable {@code OFFSTREAM_HOME}), else
 * {@code schemas/services} under the working directory, like the tasks.
 */
public final class CatalogueLocation {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private CatalogueLocation() {
    }

    /**
     * @param location the option's value; null or blank when not set
     * @param home {@code offstream.home}; null or blank when not set
     */
    public static URI resolve(String location, String home) {
        if (location != null && !location.isBlank()) {
            String value = location.trim();
            return RunLayout.asDirectory(SCHEME.matcher(value).matches() ? URI.create(value) : Path.of(value).toAbsolutePath().toUri());
        }
        String base = home != null && !home.isBlank() ? home.trim() : System.getProperty("user.dir");
        return RunLayout.asDirectory(Path.of(base, "schemas", "services").toAbsolutePath().normalize().toUri());
    }
}
