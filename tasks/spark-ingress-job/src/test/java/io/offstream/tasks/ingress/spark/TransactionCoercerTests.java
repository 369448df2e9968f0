package io.offstream.tasks.ingress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TransactionCoercerTests {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 3);
    private final TransactionCoercer coercer = new TransactionCoercer(512);

    private static Map<String, Object> good() {
        Map<String, Object> row = new HashMap<>();
        row.put("txn_id", " t20260103-000001 ");
        row.put("buyer_id", "b-1");
        row.put("seller_id", "s-1");
        row.put("amount_minor", "1250");
        row.put("currency", "usd");
        row.put("event_time", Timestamp.from(Instant.parse("2026-01-03T10:00:00Z")));
        row.put("item_category", "books");
        row.put("item_title", "A book");
        row.put("payment_method", "card");
        row.put("buyer_country", "us");
        row.put("shipping_country", null);
        return row;
    }

    private RejectReason reasonFor(String field, Object value) {
        Map<String, Object> row = good();
        row.put(field, value);
        CoercionResult result = coercer.coerce(row::get, DAY, false);
        assertThat(result.isAccepted()).as("%s=%s rejected", field, value).isFalse();
        assertThat(result.rejection().message()).contains(field);
        return result.rejection().reason();
    }

    @Test
    void coercesAGoodRowTrimmingAndNormalizing() {
        CoercionResult result = coercer.coerce(good()::get, DAY, false);
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.accepted().getTxnId()).isEqualTo("t20260103-000001");
        assertThat(result.accepted().getAmountMinor()).isEqualTo(1250L);
        assertThat(result.accepted().getCurrency()).isEqualTo("USD");
        assertThat(result.accepted().getBuyerCountry()).isEqualTo("US");
        assertThat(result.accepted().getEventTime()).isEqualTo(Instant.parse("2026-01-03T10:00:00Z"));
    }

    @Test
    void namesEveryKindOfBadRow() {
        assertThat(reasonFor("buyer_id", null)).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
        assertThat(reasonFor("amount_minor", "-5")).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
        assertThat(reasonFor("currency", "QQQ")).isEqualTo(RejectReason.UNKNOWN_CURRENCY);
        assertThat(reasonFor("event_time", Timestamp.from(Instant.parse("2026-01-02T23:59:59Z"))))
                .isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
        assertThat(reasonFor("txn_id", "## bad id 1")).isEqualTo(RejectReason.MALFORMED_ID);
        assertThat(reasonFor("item_title", "x".repeat(513))).isEqualTo(RejectReason.OVERSIZE_TEXT);
        assertThat(reasonFor("amount_minor", "12.5O")).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonFor("buyer_country", "XX")).isEqualTo(RejectReason.UNKNOWN_COUNTRY);
        CoercionResult dup = coercer.coerce(good()::get, DAY, true);
        assertThat(dup.rejection().reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
    }
}
