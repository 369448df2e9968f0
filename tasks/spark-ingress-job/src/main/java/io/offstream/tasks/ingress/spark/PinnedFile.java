package io.offstream.tasks.ingress.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import io.offstream.contract.jobs.PinnedManifestLine;
import io.offstream.contract.layout.HadoopPaths;

/** One file of the pinned manifest as plan recorded it. */
record PinnedFile(String uri, long size, long modificationMillis) {

    /** Reads a manifest file ({@link PinnedManifestLine}s): the pinned files of each partition, in date order. */
    static SortedMap<LocalDate, List<PinnedFile>> readByDate(String manifest) throws IOException {
        SortedMap<LocalDate, List<PinnedFile>> files = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(manifest), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            PinnedManifestLine pinned = PinnedManifestLine.parse(line);
            files.computeIfAbsent(pinned.date(), d -> new ArrayList<>())
                    .add(new PinnedFile(pinned.uri(), pinned.size(), pinned.modificationMillis()));
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

    /** The file as Spark's reader takes it (a URI's text would keep %20 for a space). */
    String sparkPath() {
        return path().toString();
    }

    private org.apache.hadoop.fs.Path path() {
        return HadoopPaths.of(URI.create(uri));
    }
}
