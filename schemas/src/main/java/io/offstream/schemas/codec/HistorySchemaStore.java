package io.offstream.schemas.codec;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every record, by fingerprint: the {@link SchemaStore} that Avro's
 * {@link org.apache.avro.message.BinaryMessageDecoder} asks for a message's writer schema.
 * Immutable and thread-safe; one per application is enough.
 *
 * <p>Two versions of one record that differ only in docs or defaults share a fingerprint; the
 * store keeps the later one, which decodes the same bytes.
 */
public final class HistorySchemaStore implements SchemaStore {

    private final SchemaHistory history;
    private final Map<Long, SchemaVersion> byFingerprint;

    /**
     * @throws IllegalStateException if two different records have the same fingerprint (a CRC-64
     *     collision: rename one of them)
     */
    public HistorySchemaStore(SchemaHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        Map<Long, SchemaVersion> versions = new HashMap<>();
        for (RecordHistory record : history.records()) {
            for (SchemaVersion version : record.versions()) {
                SchemaVersion previous = versions.put(version.fingerprint(), version);
                if (previous != null && !sameCanonicalForm(previous.schema(), version.schema())) {
                    throw new IllegalStateException(previous + " and " + version + " have the same fingerprint "
                            + Fingerprints.hex(version.fingerprint()) + "; they cannot share one topic format");
                }
            }
        }
        this.byFingerprint = Map.copyOf(versions);
    }

    /** A store of the history packaged in this jar. */
    public static HistorySchemaStore fromClasspath() {
        return new HistorySchemaStore(SchemaHistory.fromClasspath());
    }

    /** The released schema with this fingerprint, or null when none has it (as SchemaStore requires). */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        SchemaVersion version = byFingerprint.get(fingerprint);
        return version == null ? null : version.schema();
    }

    /** The released version with this fingerprint, and so its record and number. */
    public Optional<SchemaVersion> findVersion(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The history this store indexes. */
    public SchemaHistory history() {
        return history;
    }

    private static boolean sameCanonicalForm(Schema a, Schema b) {
        return SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
    }
}
