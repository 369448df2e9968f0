package io.offstream.schemas.compatibility;

import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * One reason why version {@code readerVersion} of a record cannot read data written with version
 * {@code writerVersion}.
 *
 * @param recordName the record's full name
 * @param readerVersion the newer version, reading
 * @param writerVersion the older version, whose data cannot be read
 * @param type Avro's kind of incompatibility
 * @param path where it is, as field names from the record, e.g. {@code shipping.city} or
 *     {@code reasons[]}; empty for the record itself
 * @param location Avro's JSON-pointer location in the reader schema, e.g. {@code /fields/3/type}
 * @param detail Avro's description, e.g. {@code reader type: INT not compatible with writer type: STRING}
 */
public record VersionIncompatibility(
        String recordName,
        int readerVersion,
        int writerVersion,
        SchemaIncompatibilityType type,
        String path,
        String location,
        String detail) {

    /** One line that says which record, which versions, where, and why. */
    public String describe() {
        String where = path.isEmpty() ? "the record itself" : "field '" + path + "'";
        return recordName + " v" + readerVersion + " cannot read data written with v" + writerVersion
                + ": " + type + " at " + where + " (" + location + "): " + explanation()
                + "; Avro says: " + detail;
    }

    private String explanation() {
        return switch (type) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                    "v" + writerVersion + " data lacks the field and v" + readerVersion + " gives it no default";
            case TYPE_MISMATCH -> "the new type cannot be read from the old one (only Avro's promotions are allowed)";
            case NAME_MISMATCH -> "a named type was renamed without an alias";
            case FIXED_SIZE_MISMATCH -> "a fixed type changed its size";
            case MISSING_ENUM_SYMBOLS -> "the enum lost symbols the old version could write, and has no default";
            case MISSING_UNION_BRANCH -> "the union lost a branch the old version could write";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
