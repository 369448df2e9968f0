package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.CoercionFixture.accepted;
import static io.offstream.contract.coerce.CoercionFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Unions, arrays, maps and nested records; a problem inside names its path. */
@SuppressWarnings("unchecked")
class NestedCoercionTests {

    static final String ADDRESS = "{\"type\": \"record\", \"name\": \"Address\", \"fields\": ["
            + "{\"name\": \"street\", \"type\": [\"null\", \"string\"], \"default\": null},"
            + "{\"name\": \"country\", \"type\": \"string\"},"
            + "{\"name\": \"zone\", \"type\": \"int\", \"default\": 1}]}";

    @Test
    void aNullableFieldTakesNullOrBlankTextAsNull() {
        assertThat(accepted("[\"null\", \"string\"]", null)).isNull();
        assertThat(accepted("[\"null\", \"string\"]", "   ")).isNull();
        assertThat(accepted("[\"null\", \"long\"]", "7")).isEqualTo(7L);
    }

    @Test
    void aNullOrBlankRequiredFieldIsNullRequiredField() {
        Rejection r = rejected("\"string\"", " ");
        assertThat(r.reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
        assertThat(r.field()).isEqualTo("v");
        assertThat(r.message()).isEqualTo("v is required but is null or blank");
        assertThat(rejected("\"long\"", null).reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
    }

    @Test
    void aUnionOfSeveralTypesTakesTheFirstBranchThatAccepts() {
        String union = "[\"null\", \"int\", \"string\"]";
        assertThat(accepted(union, "12")).isEqualTo(12);
        assertThat(accepted(union, "twelve")).isEqualTo("twelve");
        Rejection r = rejected("[\"int\", \"boolean\"]", "twelve");
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.message()).isEqualTo("v 'twelve' fits none of int, boolean");
    }

    @Test
    void arraysCoerceEveryItem() {
        String longs = "{\"type\": \"array\", \"items\": \"long\"}";
        Object value = accepted(longs, List.of("1", 2, 3L));
        assertThat(value).isInstanceOf(GenericData.Array.class);
        assertThat((List<Object>) value).containsExactly(1L, 2L, 3L);
        assertThat((List<Object>) accepted("{\"type\": \"array\", \"items\": [\"null\", \"string\"]}", Arrays.asList(" a ", "", null)))
                .containsExactly("a", null, null);
    }

    @Test
    void aBadArrayItemIsNamedByItsIndex() {
        Rejection r = rejected("{\"type\": \"array\", \"items\": \"long\"}", List.of("1", "x"));
        assertThat(r.reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
        assertThat(r.field()).isEqualTo("v[1]");
        assertThat(r.message()).isEqualTo("v[1] 'x' is not a number (long)");
        assertThat(rejected("{\"type\": \"array\", \"items\": \"long\"}", "1,2").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void mapsHaveStringKeysAndCoercedValues() {
        Map<Object, Object> given = new LinkedHashMap<>();
        given.put("a", "1.50");
        given.put(7, 2);
        Object value = accepted("{\"type\": \"map\", \"values\": \"double\"}", given);
        assertThat((Map<String, Object>) value).containsExactly(Map.entry("a", 1.5d), Map.entry("7", 2.0d));
        Rejection r = rejected("{\"type\": \"map\", \"values\": \"double\"}", Map.of("a", "x"));
        assertThat(r.field()).isEqualTo("v[a]");
    }

    @Test
    void nestedRecordsComeFromMapsWithDefaultsForWhatIsMissing() {
        Object value = accepted(ADDRESS, Map.of("country", " DE "));
        assertThat(value).isInstanceOf(GenericRecord.class);
        GenericRecord address = (GenericRecord) value;
        assertThat(address.get("country")).isEqualTo("DE");
        assertThat(address.get("street")).isNull();
        assertThat(address.get("zone")).isEqualTo(1);
    }

    @Test
    void aProblemInANestedRecordNamesItsPath() {
        Rejection r = rejected(ADDRESS, Map.of("street", "Main St 1"));
        assertThat(r.reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
        assertThat(r.field()).isEqualTo("v.country");
        assertThat(r.message()).isEqualTo("v.country is required but is null or blank");
        String lines = "{\"type\": \"array\", \"items\": " + ADDRESS + "}";
        Rejection inArray = rejected(lines, List.of(Map.of("country", "DE"), Map.of("country", "FR", "zone", "north")));
        assertThat(inArray.field()).isEqualTo("v[1].zone");
        assertThat(inArray.message()).isEqualTo("v[1].zone 'north' is not a number (int)");
    }

    @Test
    void aScalarForARecordIsATypeMismatch() {
        assertThat(rejected(ADDRESS, "DE").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }
}
