package io.offstream.consumer.core.json;

import io.offstream.consumer.core.avro.AvroModels;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** What the plain JSON reader and writer share about types: unions and which logical types have a JSON form. */
final class PlainJsonTypes {

    private PlainJsonTypes() {
    }

    static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL);
    }

    /** The one non-null branch of {@code ["null", T]}; other unions have no plain JSON form (a value would not say its branch). */
    static Schema nonNullBranch(Schema union, String where) {
        Schema branch = null;
        for (Schema candidate : union.getTypes()) {
            if (candidate.getType() != Schema.Type.NULL) {
                if (branch != null) {
                    throw new PlainJsonException("field '" + where + "': a union of several non-null types has no plain JSON form");
                }
                branch = candidate;
            }
        }
        if (branch == null) {
            throw new PlainJsonException("field '" + where + "': a union of null alone has no plain JSON form");
        }
        return branch;
    }

    /**
     * The schema's logical type when it has its own JSON form (decimals, dates, times, uuid); null
     * when the value is written as its underlying type.
     *
     * @throws PlainJsonException for {@code duration}, which has none
     */
    static LogicalType logicalType(Schema schema, String where) {
        LogicalType logical = schema.getLogicalType();
        if (logical == null) {
            return null;
        }
        if ("duration".equals(logical.getName())) {
            throw new PlainJsonException("field '" + where + "': duration has no plain JSON form");
        }
        return AvroModels.conversion(logical) == null ? null : logical;
    }
}
