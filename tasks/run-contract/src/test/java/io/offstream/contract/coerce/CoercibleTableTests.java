package io.offstream.contract.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.offstream.contract.service.DatasetFit;
import io.offstream.contract.service.WarehouseType;

/**
 * Plan's coercion table ({@link DatasetFit#coercible}) and the coercer agree: a column type plan
 * lets through is never a type mismatch for the coercer. (Text columns are left out: whether text
 * coerces depends on what it says, which the other tests cover.)
 */
class CoercibleTableTests {

    private static final List<String> TARGETS = List.of("\"string\"", "\"boolean\"", "\"int\"", "\"long\"", "\"float\"", "\"double\"",
            "\"bytes\"", "{\"type\": \"fixed\", \"name\": \"F4\", \"size\": 4}", LogicalTypeCoercionTests.DATE,
            LogicalTypeCoercionTests.MILLIS, LogicalTypeCoercionTests.MICROS, LogicalTypeCoercionTests.DECIMAL_BYTES,
            "{\"type\": \"array\", \"items\": \"string\"}", "{\"type\": \"map\", \"values\": \"string\"}",
            "{\"type\": \"record\", \"name\": \"Nested\", \"fields\": [{\"name\": \"x\", \"type\": [\"null\", \"string\"]}]}");

    private static Map<WarehouseType, Object> samples() {
        Map<WarehouseType, Object> samples = new EnumMap<>(WarehouseType.class);
        samples.put(WarehouseType.BOOLEAN, true);
        samples.put(WarehouseType.INT, 7);
        samples.put(WarehouseType.LONG, 7L);
        samples.put(WarehouseType.FLOAT, 7f);
        samples.put(WarehouseType.DOUBLE, 7d);
        samples.put(WarehouseType.DECIMAL, new BigDecimal("7.00"));
        samples.put(WarehouseType.DATE, java.sql.Date.valueOf("2026-01-03"));
        samples.put(WarehouseType.TIMESTAMP, Timestamp.from(Instant.parse("2026-01-03T10:00:00Z")));
        samples.put(WarehouseType.BINARY, new byte[] {1, 2, 3, 4});
        samples.put(WarehouseType.ARRAY, List.of("a"));
        samples.put(WarehouseType.MAP, Map.of("x", "a"));
        samples.put(WarehouseType.STRUCT, Map.of("x", "a"));
        return samples;
    }

    @Test
    void everyColumnTypePlanAcceptsIsNoTypeMismatchForTheCoercer() {
        List<String> disagreements = new ArrayList<>();
        for (String target : TARGETS) {
            Schema schema = new Schema.Parser().parse(target);
            RowCoercer coercer = CoercionFixture.single(target, null);
            samples().forEach((type, value) -> {
                if (DatasetFit.coercible(type, schema)) {
                    RowVerdict verdict = CoercionFixture.coerce(coercer, CoercionFixture.row("id", "k", "v", value));
                    if (!verdict.accepted() && verdict.rejection().reason() == RejectReason.TYPE_MISMATCH) {
                        disagreements.add(type + " -> " + target + ": " + verdict.rejection().message());
                    }
                }
            });
        }
        assertThat(disagreements).isEmpty();
    }
}
