package io.offstream.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaLocationsTests {

    private final Schema reader = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "fields": [
              {"name": "id", "type": "string"},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                {"name": "sku", "type": "string"},
                {"name": "note", "type": ["null", {"type": "record", "name": "Note", "fields": [
                  {"name": "text", "type": "string"}]}]}]}}},
              {"name": "tags", "type": {"type": "map", "values": "long"}}
            ]}
            """);

    @Test
    void pointersBecomeFieldPaths() {
        assertThat(SchemaLocations.fieldPath(reader, "/fields/0/type")).isEqualTo("id");
        assertThat(SchemaLocations.fieldPath(reader, "/fields/1/type/items/fields/0")).isEqualTo("lines[].sku");
        assertThat(SchemaLocations.fieldPath(reader, "/fields/1/type/items/fields/1/type/1/fields/0/type"))
                .isEqualTo("lines[].note.text");
        assertThat(SchemaLocations.fieldPath(reader, "/fields/2/type/values")).isEqualTo("tags{}");
    }

    @Test
    void theRecordItselfIsAnEmptyPath() {
        assertThat(SchemaLocations.fieldPath(reader, "/")).isEmpty();
        assertThat(SchemaLocations.fieldPath(reader, "/name")).isEmpty();
    }

    @Test
    void pointersItCannotFollowStopAtTheLastKnownField() {
        assertThat(SchemaLocations.fieldPath(reader, "/fields/9")).isEmpty();
        assertThat(SchemaLocations.fieldPath(reader, "/fields/1/type/whatever/fields/0")).isEqualTo("lines");
        assertThat(SchemaLocations.fieldPath(reader, null)).isEmpty();
    }
}
