package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.CoercionFixture.DAY;
import static io.offstream.contract.coerce.CoercionFixture.assertValid;
import static io.offstream.contract.coerce.CoercionFixture.coerce;
import static io.offstream.contract.coerce.CoercionFixture.coercer;
import static io.offstream.contract.coerce.CoercionFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A whole row: columns, defaults, the record key, the event time and duplicates. */
class RowCoercerTests {

    static final String ORDER_LINE = """
            {"name": "order_id", "type": "long"},
            {"name": "line_no", "type": "int"},
            {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
            {"name": "sku", "type": "string"},
            {"name": "channel", "type": "string", "default": "web"},
            {"name": "note", "type": ["null", "string"], "default": null}""";

    static final String ORDER_DESCRIPTOR = """
            key: [order_id, line_no]
            event-time: created_at
            columns: {line_no: line_number}
            constraints:
              sku: {pattern: "[A-Z0-9-]{4,32}"}
            """;

    private final RowCoercer coercer = coercer(ORDER_LINE, ORDER_DESCRIPTOR);

    private static Map<String, Object> goodLine() {
        return row("order_id", 1001L, "line_number", 2, "created_at", Timestamp.from(Instant.parse("2026-01-03T08:30:00.000001Z")),
                "sku", "AB-12", "channel", "app");
    }

    @Test
    void readsEachFieldFromItsMappedColumn() {
        RowVerdict verdict = coerce(coercer, goodLine());
        assertThat(verdict.accepted()).as("%s", verdict.rejection()).isTrue();
        assertThat(verdict.record().get("line_no")).isEqualTo(2);
        assertThat(coercer.columns()).containsExactly("order_id", "line_number", "created_at", "sku", "channel", "note");
        assertThat(coercer.keyColumns()).containsExactly("order_id", "line_number");
        assertValid(verdict.record());
    }

    @Test
    void aDottedColumnReadsAFieldOfAStructColumnAndMayBeAKey() {
        RowCoercer nested = coercer(ORDER_LINE, """
                key: [order_id, line_no]
                columns: {line_no: line.number, sku: line.item.sku}
                """);
        Map<String, Object> line = goodLine();
        line.remove("line_number");
        line.remove("sku");
        line.put("line", row("number", 7, "item", row("sku", "ZZ-99")));

        RowVerdict verdict = coerce(nested, line);

        assertThat(verdict.accepted()).as("%s", verdict.rejection()).isTrue();
        assertThat(verdict.record().get("line_no")).isEqualTo(7);
        assertThat(verdict.record().get("sku").toString()).isEqualTo("ZZ-99");
        assertThat(verdict.key()).isEqualTo("1001|7");
        assertThat(nested.keyColumns()).containsExactly("order_id", "line.number");
    }

    @Test
    void aDottedColumnThroughANullStructIsNullAndAColumnNamedWithADotWins() {
        RowCoercer nested = coercer(ORDER_LINE, """
                key: [order_id, line_no]
                columns: {line_no: line.number}
                """);
        Map<String, Object> line = goodLine();
        line.put("line", null);

        assertThat(coerce(nested, line).rejection().reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
        assertThat(coerce(nested, line).rejection().field()).isEqualTo("line_no");
        line.put("line.number", 3);
        line.put("line", row("number", 4));
        assertThat(coerce(nested, line).record().get("line_no")).isEqualTo(3);
    }

    @Test
    void aMultiFieldKeyIsItsFieldsTextsJoined() {
        assertThat(coerce(coercer, goodLine()).key()).isEqualTo("1001|2");
    }

    @Test
    void aFieldWithoutAValueTakesItsDefaultOrNull() {
        Map<String, Object> line = goodLine();
        line.remove("channel");
        RowVerdict verdict = coerce(coercer, line);
        assertThat(verdict.record().get("channel").toString()).isEqualTo("web");
        assertThat(verdict.record().get("note")).isNull();
        assertValid(verdict.record());
    }

    @Test
    void aMissingRequiredColumnIsNullRequiredFieldNamingTheField() {
        Map<String, Object> line = goodLine();
        line.remove("line_number");
        Rejection r = coerce(coercer, line).rejection();
        assertThat(r.reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
        assertThat(r.field()).isEqualTo("line_no");
    }

    @Test
    void anEventTimeOutsideThePartitionsUtcDayIsRejected() {
        Map<String, Object> line = goodLine();
        line.put("created_at", "2026-01-02T23:59:59.999999Z");
        Rejection r = coerce(coercer, line).rejection();
        assertThat(r.reason()).isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
        assertThat(r.field()).isEqualTo("created_at");
        assertThat(r.message()).isEqualTo("created_at 2026-01-02T23:59:59.999999Z is outside partition dt=2026-01-03");
        line.put("created_at", "2026-01-04T00:00:00Z");
        assertThat(coerce(coercer, line).rejection().reason()).isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
        line.put("created_at", "2026-01-03T23:59:59.999999Z");
        assertThat(coerce(coercer, line).accepted()).isTrue();
    }

    @Test
    void aDateEventTimeMustBeThePartitionsDay() {
        RowCoercer byDate = coercer("{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"day\", \"type\": {\"type\": \"int\", "
                + "\"logicalType\": \"date\"}}", "key: [id, day]\nevent-time: day\n");
        assertThat(coerce(byDate, row("id", "a", "day", "2026-01-03")).key()).isEqualTo("a|2026-01-03");
        assertThat(coerce(byDate, row("id", "a", "day", LocalDate.of(2026, 1, 4))).rejection().reason())
                .isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
    }

    @Test
    void aDuplicateKeyIsRejectedLastSoAMalformedDuplicateCountsAsMalformed() {
        Rejection duplicate = coercer.coerce(goodLine()::get, DAY, true).rejection();
        assertThat(duplicate.reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
        assertThat(duplicate.field()).isEqualTo("order_id,line_no");
        assertThat(duplicate.message()).isEqualTo("key order_id,line_no '1001|2' appeared earlier in partition dt=2026-01-03");
        Map<String, Object> bad = goodLine();
        bad.put("sku", "?");
        assertThat(coercer.coerce(bad::get, DAY, true).rejection().reason()).isEqualTo(RejectReason.PATTERN_MISMATCH);
    }

    @Test
    void theFirstProblemInFieldOrderRejectsTheRow() {
        Map<String, Object> line = goodLine();
        line.put("order_id", "x");
        line.put("sku", "?");
        assertThat(coerce(coercer, line).rejection().field()).isEqualTo("order_id");
    }

    @Test
    void survivesJavaSerializationAsSparkShipsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(coercer);
        }
        RowCoercer copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RowCoercer) in.readObject();
        }
        assertThat(coerce(copy, goodLine()).record()).isEqualTo(coerce(coercer, goodLine()).record());
        Map<String, Object> bad = goodLine();
        bad.put("sku", "?");
        assertThat(coerce(copy, bad).rejection()).isEqualTo(coerce(coercer, bad).rejection());
    }
}
