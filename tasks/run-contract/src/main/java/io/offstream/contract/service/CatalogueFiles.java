package io.offstream.contract.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the catalogue reads its location. The catalogue may be on any Hadoop file system; this module
 * has no Hadoop, so the processes that do (tasks, Spark and Flink jobs) pass their own
 * implementation, and {@link #local()} serves {@code file:} URIs.
 */
public interface CatalogueFiles {

    /** Names of the entries directly under a directory (folders and files); empty when it does not exist. */
    List<String> list(URI directory);

    /** Whether the URI is a directory. */
    boolean isDirectory(URI uri);

    /** The file's text (UTF-8); empty when the file does not exist. */
    Optional<String> read(URI file);

    /** {@code file:} URIs through java.nio. */
    static CatalogueFiles local() {
        return new CatalogueFiles() {
            @Override
            public List<String> list(URI directory) {
                Path dir = Path.of(directory);
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    return entries.map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + directory, e);
                }
            }

            @Override
            public boolean isDirectory(URI uri) {
                return Files.isDirectory(Path.of(uri));
            }

            @Override
            public Optional<String> read(URI file) {
                try {
                    return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
        };
    }
}
