package io.offstream.schemas.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/** Derives test schemas from real ones. */
final class SchemaBuilderSupport {

    private SchemaBuilderSupport() {
    }

    /** A copy of {@code record} with one more field: an optional string defaulting to null. */
    static Schema withOptionalField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field(name, optionalString, "test field", JsonProperties.NULL_VALUE));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
