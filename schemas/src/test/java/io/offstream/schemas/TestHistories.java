package io.offstream.schemas;

import io.offstream.schemas.history.SchemaHistory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The crafted histories under {@code src/test/resources/histories}, and the module's own. */
public final class TestHistories {

    /** The shipped history, as the build check reads it (tests run in the module folder). */
    public static final Path SHIPPED = Path.of("src/main/avro-history");

    /** The current schemas the classes are generated from. */
    public static final Path CURRENT = Path.of("src/main/avro");

    private TestHistories() {
    }

    /** The folder of the crafted history {@code name}, e.g. {@code compatible}. */
    public static Path folder(String name) {
        URL url = TestHistories.class.getResource("/histories/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test history " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SchemaHistory load(String name) {
        return SchemaHistory.fromDirectory(folder(name));
    }
}
