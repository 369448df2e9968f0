package io.offstream.tasks.ingress.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

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

    /** Fails when the file is gone or changed since plan pinned it: the snapshot must be exactly what plan saw. */
    void checkUnchanged(Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = path();
        FileStatus status;
        try {
            status = path.getFileSystem(hadoop).getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("Pinned file " + uri + " no longer exists: the snapshot changed after plan");
        }
        if (status.getLen() != size || status.getModificationTime() != modificationMillis) {
            throw new IllegalStateException("Pinned file " + uri + " changed after plan (size " + status.getLen() + " vs " + size
                    + ", modified " + status.getModificationTime() + " vs " + modificationMillis + ")");
        }
    }

    /** Null when the file's Parquet footer reads, else why not. */
    String unreadableBecause(Configuration hadoop) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path(), hadoop))) {
            reader.getFooter();
            return null;
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    private org.apache.hadoop.fs.Path path() {
        return new org.apache.hadoop.fs.Path(URI.create(uri));
    }
}
