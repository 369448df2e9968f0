package io.offstream.contract.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One line of the ingress job's manifest: a file plan pinned for a partition, as
 * {@code date<TAB>uri<TAB>size<TAB>modificationMillis}. The ingress task writes a line for every
 * file of every partition the job is to ingest; the job groups them by date.
 */
public record PinnedManifestLine(LocalDate date, String uri, long size, long modificationMillis) {

    public String toLine() {
        return date + "\t" + uri + "\t" + size + "\t" + modificationMillis;
    }

    /** Reads {@link #toLine()}; an {@link IllegalArgumentException} quoting the line otherwise. */
    public static PinnedManifestLine parse(String line) {
        String[] parts = line.split("\t");
        if (parts.length != 4) {
            throw new IllegalArgumentException("Manifest line is not date<TAB>uri<TAB>size<TAB>mtime: " + line);
        }
        try {
            return new PinnedManifestLine(LocalDate.parse(parts[0]), parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Manifest line has a bad date, size or mtime: " + line);
        }
    }
}
