package io.offstream.schemas.compatibility;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks that each version N of a record, as reader, can read data written with every version
 * before it (backward-TRANSITIVE, not only N against N-1: data written with v1 may still be on a
 * topic when v3 is current). Avro's {@link SchemaCompatibility#checkReaderWriterCompatibility} is
 * the judge; this class only pairs versions and names what it finds. Stateless and thread-safe.
 */
public final class SchemaHistoryCompatibility {

    /** Every incompatibility in every record of the history; empty when the history is sound. */
    public List<VersionIncompatibility> check(SchemaHistory history) {
        List<VersionIncompatibility> found = new ArrayList<>();
        for (RecordHistory record : history.records()) {
            found.addAll(check(record));
        }
        return found;
    }

    /** Every incompatibility between a version of this record and an earlier one. */
    public List<VersionIncompatibility> check(RecordHistory record) {
        List<VersionIncompatibility> found = new ArrayList<>();
        List<SchemaVersion> versions = record.versions();
        for (SchemaVersion reader : versions) {
            for (SchemaVersion writer : versions.subList(0, reader.number() - 1)) {
                found.addAll(check(reader, writer));
            }
        }
        return found;
    }

    /** Why {@code reader} cannot read data written with {@code writer}; empty when it can. */
    public List<VersionIncompatibility> check(SchemaVersion reader, SchemaVersion writer) {
        List<Incompatibility> incompatibilities = SchemaCompatibility
                .checkReaderWriterCompatibility(reader.schema(), writer.schema())
                .getResult()
                .getIncompatibilities();
        List<VersionIncompatibility> found = new ArrayList<>(incompatibilities.size());
        for (Incompatibility incompatibility : incompatibilities) {
            found.add(new VersionIncompatibility(
                    reader.recordName(),
                    reader.number(),
                    writer.number(),
                    incompatibility.getType(),
                    SchemaLocations.fieldPath(reader.schema(), incompatibility.getLocation()),
                    incompatibility.getLocation(),
                    incompatibility.getMessage()));
        }
        return found;
    }
}
