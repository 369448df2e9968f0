package io.offstream.contract.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RecordKeysTests {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "R", "fields": [
              {"name": "order_id", "type": "long"},
              {"name": "line_no", "type": "int"},
              {"name": "code", "type": "string"},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}}
            ]}""");

    private static GenericRecord record(long orderId, int lineNo, String code) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("order_id", orderId);
        r.put("line_no", lineNo);
        r.put("code", code);
        r.put("day", (int) LocalDate.parse("2026-01-03").toEpochDay());
        return r;
    }

    @Test
    void aSingleFieldKeyIsItsValueAsText() {
        assertThat(new RecordKeys(List.of("code")).keyOf(record(1, 2, "T-1|x"))).isEqualTo("T-1|x");
        assertThat(new RecordKeys(List.of("day")).keyOf(record(1, 2, "a"))).isEqualTo("2026-01-03");
    }

    @Test
    void severalFieldsAreJoinedAndSplitBackEvenWhenAValueHoldsTheSeparator() {
        RecordKeys keys = new RecordKeys(List.of("order_id", "line_no", "code"));
        String key = keys.keyOf(record(1001, 2, "a|b\\c"));
        assertThat(key).isEqualTo("1001|2|a\\|b\\\\c");
        assertThat(keys.parts(key)).containsExactly("1001", "2", "a|b\\c");
    }

    @Test
    void partsBecomeTypedValuesAgain() {
        assertThat(RecordKeys.valueOf("1001", SCHEMA.getField("order_id").schema())).isEqualTo(1001L);
        assertThat(RecordKeys.valueOf("2", SCHEMA.getField("line_no").schema())).isEqualTo(2);
        assertThat(RecordKeys.valueOf("2026-01-03", SCHEMA.getField("day").schema()))
                .isEqualTo((int) LocalDate.parse("2026-01-03").toEpochDay());
    }

    @Test
    void aKeyWithTheWrongNumberOfPartsIsRefused() {
        assertThatThrownBy(() -> new RecordKeys(List.of("order_id", "line_no")).parts("1001")).hasMessageContaining("1 parts");
    }
}
