package io.offstream.schemas.history;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One released version of one record: its number, its schema and the fingerprint that identifies
 * it on the wire (CRC-64-AVRO of the schema's parsing canonical form, as
 * {@link SchemaNormalization#parsingFingerprint64(Schema)} computes it).
 */
public final class SchemaVersion {

    private final int number;
    private final Schema schema;
    private final long fingerprint;

    public SchemaVersion(int number, Schema schema) {
        if (number < 1) {
            throw new IllegalArgumentException("schema versions start at 1, not " + number);
        }
        this.number = number;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The version number, 1 for the first release. */
    public int number() {
        return number;
    }

    public Schema schema() {
        return schema;
    }

    /** The full name of the record, e.g. {@code io.offstream.schemas.sample.Transaction}. */
    public String recordName() {
        return schema.getFullName();
    }

    /** The 64-bit schema fingerprint written after the single-object marker. */
    public long fingerprint() {
        return fingerprint;
    }

    /** A short name for messages, e.g. {@code Transaction v2}. */
    public String label() {
        return schema.getName() + " v" + number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaVersion that
                && number == that.number
                && schema.equals(that.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, schema);
    }

    @Override
    public String toString() {
        return label() + " (" + recordName() + ", fingerprint " + String.format("%016x", fingerprint) + ")";
    }
}
