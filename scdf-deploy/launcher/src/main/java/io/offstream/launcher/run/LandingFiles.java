package io.offstream.launcher.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one small file a run left under its landing root (a validation report, a diff summary), wherever that root is. */
@FunctionalInterface
public interface LandingFiles {

    /** The file's text; empty if it is not there or cannot be read. */
    Optional<String> read(URI file);

    /** The landing root on this machine's disk ({@code file:} URIs). */
    static LandingFiles local() {
        return file -> {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(path));
            }
            catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
