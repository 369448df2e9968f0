package io.offstream.schemas.history;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The released versions of every Offstream record. Immutable and thread-safe; load it once and
 * share it.
 *
 * <p>Data on Offstream topics and in landed files may have been written with any released
 * version, so decoders need them all, not only the classes generated from the current ones.
 */
public final class SchemaHistory {

    private final Map<String, RecordHistory> records;
    private final List<RecordHistory> order;

    /**
     * @throws InvalidSchemaHistoryException if two histories share a full name or a simple name
     *     (the simple name is the record's folder, so it must be unique too)
     */
    public SchemaHistory(Collection<RecordHistory> records) {
        Map<String, RecordHistory> byName = new LinkedHashMap<>();
        Map<String, String> folders = new LinkedHashMap<>();
        for (RecordHistory record : records) {
            if (byName.putIfAbsent(record.fullName(), record) != null) {
                throw new InvalidSchemaHistoryException("two histories for record " + record.fullName());
            }
            String clash = folders.putIfAbsent(record.simpleName(), record.fullName());
            if (clash != null) {
                throw new InvalidSchemaHistoryException("records " + clash + " and " + record.fullName()
                        + " share the simple name " + record.simpleName() + ", which must be unique");
            }
        }
        this.records = Map.copyOf(byName);
        this.order = List.copyOf(byName.values());
    }

    /** The history packaged in this jar, loaded with this class's class loader. */
    public static SchemaHistory fromClasspath() {
        return fromClasspath(SchemaHistory.class.getClassLoader());
    }

    /** The history under {@link HistoryLayout#RESOURCE_ROOT} as {@code classLoader} sees it. */
    public static SchemaHistory fromClasspath(ClassLoader classLoader) {
        return new SchemaHistory(SchemaHistoryReader.fromClasspath(classLoader));
    }

    /**
     * The history in a folder laid out as {@link HistoryLayout} says (its index file is not
     * needed: every sub-folder is a record). Used by the build check and by tests.
     */
    public static SchemaHistory fromDirectory(Path root) {
        return new SchemaHistory(SchemaHistoryReader.fromDirectory(root));
    }

    /** Every record, in the order they were given or listed. */
    public List<RecordHistory> records() {
        return order;
    }

    /** The history of the record with this full name, if it is known. */
    public Optional<RecordHistory> record(String fullName) {
        return Optional.ofNullable(records.get(fullName));
    }

    /**
     * @throws IllegalArgumentException if no record has this full name
     */
    public RecordHistory require(String fullName) {
        return record(fullName).orElseThrow(() -> new IllegalArgumentException(
                "no released schema for record " + fullName + "; known records: " + records.keySet()));
    }

    @Override
    public String toString() {
        return "SchemaHistory" + order;
    }
}
