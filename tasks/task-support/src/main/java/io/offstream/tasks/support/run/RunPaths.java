package io.offstream.tasks.support.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** URI helpers for datasets and landing roots: {@code file://}, {@code hdfs://}, or a plain path. */
public final class RunPaths {

    private RunPaths() {
    }

    /** A URI from a value that may also be a plain local path (made absolute, {@code file:}). */
    public static URI toUri(String value) {
        String v = value.trim();
        if (v.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !v.matches("^[a-zA-Z]:\\\\.*")) {
            try {
                URI uri = new URI(v);
                if ("file".equals(uri.getScheme())) {
                    return Path.of(uri).toAbsolutePath().normalize().toUri();
                }
                return uri.normalize();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return Path.of(v).toAbsolutePath().normalize().toUri();
    }

    static URI parseUri(String name, String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(name + " is required (a file://, hdfs:// URI or a local path)");
            return null;
        }
        try {
            return toUri(value);
        } catch (RuntimeException e) {
            errors.add(name + " '" + value + "' is not a URI: " + e.getMessage());
            return null;
        }
    }

    /** The same URI with a trailing slash, so children resolve under it. */
    public static URI asDirectory(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** {@code parent} + a relative child path. */
    public static URI child(URI parent, String relative) {
        return URI.create(asDirectory(parent).toString() + relative);
    }
}
