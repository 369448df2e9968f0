package io.offstream.schemas.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of one record, oldest first. The last one is the current version: the
 * one producers write and readers resolve older data into.
 */
public final class RecordHistory {

    private final List<SchemaVersion> versions;

    /**
     * @param schemas the released schemas in version order: {@code schemas.get(0)} is v1
     * @throws InvalidSchemaHistoryException if there is none, one is not a record, or the record
     *     names differ between versions (a rename is a new record, not a new version)
     */
    public RecordHistory(List<Schema> schemas) {
        if (schemas.isEmpty()) {
            throw new InvalidSchemaHistoryException("a record history needs at least version 1");
        }
        String fullName = schemas.get(0).getFullName();
        List<SchemaVersion> numbered = new ArrayList<>(schemas.size());
        for (Schema schema : schemas) {
            SchemaVersion version = new SchemaVersion(numbered.size() + 1, schema);
            if (schema.getType() != Schema.Type.RECORD) {
                throw new InvalidSchemaHistoryException(fullName + " v" + version.number()
                        + " is a " + schema.getType() + ", not a record");
            }
            if (!schema.getFullName().equals(fullName)) {
                throw new InvalidSchemaHistoryException("version " + version.number() + " of " + fullName
                        + " is named " + schema.getFullName() + "; every version must keep the record's name");
            }
            numbered.add(version);
        }
        this.versions = List.copyOf(numbered);
    }

    /** The record's full name, e.g. {@code io.offstream.schemas.sample.Transaction}. */
    public String fullName() {
        return current().recordName();
    }

    /** The record's simple name, which is also its folder in the history. */
    public String simpleName() {
        return current().schema().getName();
    }

    /** All versions, v1 first. */
    public List<SchemaVersion> versions() {
        return versions;
    }

    /** The highest released version. */
    public SchemaVersion current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * @throws IllegalArgumentException if the record has no such version
     */
    public SchemaVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new IllegalArgumentException(fullName() + " has versions 1.." + versions.size() + ", not " + number);
        }
        return versions.get(number - 1);
    }

    @Override
    public String toString() {
        return fullName() + " v1..v" + versions.size();
    }
}
