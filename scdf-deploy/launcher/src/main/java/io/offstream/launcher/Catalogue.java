package io.offstream.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The service catalogue as the launcher sees it: a local folder of entries (folders with a
 * {@code service.yaml}), or a location on another file system (hdfs://...) it cannot list.
 */
public final class Catalogue {

    private final String location;

    public Catalogue(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }

    /** The catalogue as a local folder; empty when it is on another file system. */
    public Optional<Path> directory() {
        if (location.startsWith("file://")) {
            return Optional.of(Path.of(location.substring("file://".length())));
        }
        if (location.contains("://")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location).toAbsolutePath().normalize());
    }

    /** Whether the entry is there; true when the catalogue cannot be looked into (the tasks check it then). */
    public boolean mayHold(String service) {
        return directory().map(dir -> Files.isRegularFile(dir.resolve(service).resolve("service.yaml"))).orElse(true);
    }

    /** The entries of a local catalogue; none for another file system. */
    public List<String> entries() {
        Optional<Path> dir = directory();
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir.get())) {
            return children.filter(child -> Files.isRegularFile(child.resolve("service.yaml")))
                    .map(child -> child.getFileName().toString())
                    // in the order of lib.sh's glob over <name>/service.yaml: risk-candidate/ before risk/
                    .sorted(java.util.Comparator.comparing(name -> name + "/")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the scripts' message when the entry is missing. */
    public void require(String role, String service) {
        if (!mayHold(service)) {
            throw new LauncherException(role + " '" + service + "' is not in the catalogue " + location + " (entries: "
                    + String.join(" ", entries()) + ")");
        }
    }
}
