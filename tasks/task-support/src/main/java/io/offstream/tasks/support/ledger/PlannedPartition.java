package io.offstream.tasks.support.ledger;

import java.time.LocalDate;
import java.util.List;

/** A planned dt= partition and its pinned files (possibly none: an empty partition). */
public record PlannedPartition(LocalDate date, List<ManifestFile> files) {

    public PlannedPartition {
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(ManifestFile::size).sum();
    }
}
