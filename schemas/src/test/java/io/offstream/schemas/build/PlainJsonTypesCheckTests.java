package io.offstream.schemas.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.TestHistories;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class PlainJsonTypesCheckTests {

    @Test
    void shippedHistoryUsesOnlyPlainJsonTypes() {
        assertThat(PlainJsonTypesCheck.problems(SchemaHistory.fromClasspath())).isEmpty();
    }

    @Test
    void decimalOnBytesIsAccepted() {
        assertThat(PlainJsonTypesCheck.problems(TestHistories.load("with-decimal"))).isEmpty();
    }

    @Test
    void decimalOnFixedAndPlainBytesAndFixedAreAccepted() {
        assertThat(PlainJsonTypesCheck.problems(history("""
                {"type": "record", "name": "Quote", "namespace": "t", "fields": [
                  {"name": "tax", "type": {"type": "fixed", "name": "Tax", "size": 6, "logicalType": "decimal",
                                           "precision": 14, "scale": 2}},
                  {"name": "digest", "type": "bytes"},
                  {"name": "id", "type": {"type": "fixed", "name": "Id", "size": 16}},
                  {"name": "blobs", "type": {"type": "map", "values": ["null", "bytes"]}}
                ]}"""))).isEmpty();
    }

    @Test
    void timeTypesEnumsNestedRecordsAndNullableUnionsAreAccepted() {
        assertThat(PlainJsonTypesCheck.problems(history("""
                {"type": "record", "name": "Order", "namespace": "t", "fields": [
                  {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
                  {"name": "channel", "type": ["null", {"type": "enum", "name": "Channel", "symbols": ["WEB"]}]},
                  {"name": "lines", "type": {"type": "array", "items":
                    {"type": "record", "name": "Line", "fields": [{"name": "n", "type": "int"}]}}}
                ]}"""))).isEmpty();
    }

    @Test
    void durationIsRefusedWithItsPath() {
        assertThat(PlainJsonTypesCheck.problems(history("""
                {"type": "record", "name": "Lease", "namespace": "t", "fields": [
                  {"name": "terms", "type": {"type": "array", "items": {"type": "record", "name": "Term", "fields": [
                    {"name": "length", "type": {"type": "fixed", "name": "Length", "size": 12, "logicalType": "duration"}}
                  ]}}}
                ]}""")))
                .containsExactly("Lease v1 uses fixed (duration) at Lease.terms[].length: not allowed, it has no plain"
                        + " JSON form; use a long of milliseconds or a string");
    }

    @Test
    void aUnionOfSeveralNonNullTypesIsRefused() {
        assertThat(PlainJsonTypesCheck.problems(history("""
                {"type": "record", "name": "Event", "namespace": "t", "fields": [
                  {"name": "value", "type": ["null", "string", "long"]}
                ]}""")))
                .containsExactly("Event v1 uses a union of 2 non-null types at Event.value: not allowed, a plain JSON"
                        + " value would not say which it is; use [\"null\", T]");
    }

    private static SchemaHistory history(String schema) {
        return new SchemaHistory(List.of(new RecordHistory(List.of(new Schema.Parser().parse(schema)))));
    }
}
