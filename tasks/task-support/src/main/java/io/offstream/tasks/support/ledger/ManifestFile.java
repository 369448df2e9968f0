package io.offstream.tasks.support.ledger;

import java.time.Instant;

/** One pinned file of a partition's snapshot. */
public record ManifestFile(String uri, long size, Instant modificationTime) {
}
