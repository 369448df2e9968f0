package io.offstream.contract.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import io.offstream.contract.service.DescriptorParser;
import io.offstream.contract.service.ServiceDescriptor;

/**
 * Builds coercers from a request schema's fields and descriptor lines, and coerces rows given as
 * maps. {@link #single} is a request {@code {id: string (the key), v: <type>}} for one value.
 */
final class CoercionFixture {

    static final LocalDate DAY = LocalDate.of(2026, 1, 3);

    private CoercionFixture() {
    }

    /** @param fields the JSON of the request's fields array, without brackets */
    static Schema request(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Req\", \"namespace\": \"t\", \"fields\": [" + fields + "]}");
    }

    /** @param descriptorLines service.yaml lines beyond name and invoke (key, event-time, columns, constraints) */
    static ServiceDescriptor descriptor(String descriptorLines) {
        return DescriptorParser.parse("name: svc\ninvoke: {function: f}\n" + descriptorLines, "svc");
    }

    static RowCoercer coercer(String fields, String descriptorLines) {
        return new RowCoercer(request(fields), descriptor(descriptorLines));
    }

    /** A request of a key {@code id} and one field {@code v} of the type, with the constraint when not null. */
    static RowCoercer single(String typeJson, String constraint) {
        return coercer("{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"v\", \"type\": " + typeJson + "}",
                "key: [id]\n" + (constraint == null ? "" : "constraints: {v: " + constraint + "}\n"));
    }

    static RowVerdict coerce(RowCoercer coercer, Map<String, Object> row) {
        return coercer.coerce(row::get, DAY, false);
    }

    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /** The accepted value of {@code v}; fails when the row is rejected or the record is not valid for its schema. */
    static Object accepted(String typeJson, Object value) {
        return accepted(single(typeJson, null), value);
    }

    static Object accepted(RowCoercer coercer, Object value) {
        RowVerdict verdict = coerce(coercer, row("id", "k1", "v", value));
        assertThat(verdict.rejection()).as("rejection of %s", value).isNull();
        assertValid(verdict.record());
        return verdict.record().get("v");
    }

    /** The rejection of {@code v}; fails when the row is accepted. */
    static Rejection rejected(String typeJson, Object value) {
        return rejected(single(typeJson, null), value);
    }

    static Rejection rejected(RowCoercer coercer, Object value) {
        RowVerdict verdict = coerce(coercer, row("id", "k1", "v", value));
        assertThat(verdict.accepted()).as("%s accepted as %s", value, verdict.record()).isFalse();
        return verdict.rejection();
    }

    static void assertValid(GenericData.Record record) {
        assertThat(GenericData.get().validate(record.getSchema(), record)).as("valid: %s", record).isTrue();
    }
}
