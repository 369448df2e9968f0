package io.offstream.tasks.ingress.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One file of the pinned manifest as plan recorded it. */
record PinnedFile(String uri, long size, long modificationMillis) {

    /** Reads a manifest file: one {@code uri<TAB>size<TAB>modificationMillis} line per file. */
    static List<PinnedFile> read(String manifest) throws IOException {
        List<PinnedFile> files = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(manifest), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Manifest line is not uri<TAB>size<TAB>mtime: " + line);
            }
            files.add(new PinnedFile(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        return files;
    }
}
