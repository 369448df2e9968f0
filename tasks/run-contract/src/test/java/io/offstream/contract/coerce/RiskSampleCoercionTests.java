package io.offstream.contract.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.Transaction;

/**
 * The sample {@code risk} entry of the checkout's catalogue, coerced generically, behaves as the
 * sample's own coercer did: each of the 9 bad-row kinds the sample warehouse plants is rejected
 * (under its generic code), and a good row becomes the very bytes the sample's Transaction did.
 */
class RiskSampleCoercionTests {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00.250Z");

    private final ServiceDefinition risk = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri())
            .load("risk");
    private final RowCoercer coercer = RowCoercer.of(risk);

    /** A row as the sample warehouse writes it: text columns (the amount too), the event time a timestamp. */
    private static Map<String, Object> goodRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("txn_id", " t20260301-0000007 ");
        row.put("buyer_id", "b-17");
        row.put("seller_id", "s-4");
        row.put("amount_minor", "12500");
        row.put("currency", "usd");
        row.put("event_time", Timestamp.from(NOON));
        row.put("item_category", "books");
        row.put("item_title", "classic novel 12");
        row.put("payment_method", "card");
        row.put("buyer_country", "us");
        row.put("shipping_country", "US");
        return row;
    }

    private Rejection rejectedWith(String column, Object value) {
        Map<String, Object> row = goodRow();
        row.put(column, value);
        RowVerdict verdict = coercer.coerce(row::get, DAY, false);
        assertThat(verdict.accepted()).as("%s=%s", column, value).isFalse();
        assertThat(verdict.rejection().field()).isEqualTo(column);
        assertThat(verdict.rejection().message()).startsWith(column);
        return verdict.rejection();
    }

    @Test
    void aNullBuyerIdIsNullRequiredField() {
        assertThat(rejectedWith("buyer_id", null).reason()).isEqualTo(RejectReason.NULL_REQUIRED_FIELD);
    }

    @Test
    void aNegativeAmountIsOutOfRange() {
        assertThat(rejectedWith("amount_minor", "-5").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    }

    @Test
    void anUnknownCurrencyIsNotInTheSet() {
        assertThat(rejectedWith("currency", "QQQ").reason()).isEqualTo(RejectReason.NOT_IN_SET);
    }

    @Test
    void anEventTimeOutsideThePartitionIsRejected() {
        assertThat(rejectedWith("event_time", Timestamp.from(Instant.parse("2026-02-28T23:59:59.999Z"))).reason())
                .isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
        assertThat(rejectedWith("event_time", Timestamp.from(Instant.parse("2026-03-02T00:30:00Z"))).reason())
                .isEqualTo(RejectReason.EVENT_TIME_OUTSIDE_PARTITION);
    }

    @Test
    void aMalformedIdIsAPatternMismatch() {
        assertThat(rejectedWith("txn_id", "## bad id 17 ##").reason()).isEqualTo(RejectReason.PATTERN_MISMATCH);
    }

    @Test
    void anOversizeTitleIsTooLong() {
        assertThat(rejectedWith("item_title", "x".repeat(600)).reason()).isEqualTo(RejectReason.TOO_LONG);
        assertThat(coercer.coerce(withTitle("x".repeat(512))::get, DAY, false).accepted()).isTrue();
    }

    @Test
    void anAmountThatIsNoNumberIsATypeMismatch() {
        assertThat(rejectedWith("amount_minor", "123.5O").reason()).isEqualTo(RejectReason.TYPE_MISMATCH);
    }

    @Test
    void anUnknownCountryIsNotInTheSet() {
        assertThat(rejectedWith("buyer_country", "XX").reason()).isEqualTo(RejectReason.NOT_IN_SET);
    }

    @Test
    void aRepeatedTxnIdIsADuplicateKey() {
        Rejection r = coercer.coerce(goodRow()::get, DAY, true).rejection();
        assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
        assertThat(r.message()).contains("t20260301-0000007");
    }

    @Test
    void aGoodRowEncodesToTheBytesOfTheSamplesTransaction() {
        RowVerdict verdict = coercer.coerce(goodRow()::get, DAY, false);
        assertThat(verdict.accepted()).as("%s", verdict.rejection()).isTrue();
        assertThat(verdict.key()).isEqualTo("t20260301-0000007");
        Transaction asTheSampleCoercedIt = Transaction.newBuilder().setTxnId("t20260301-0000007").setBuyerId("b-17").setSellerId("s-4")
                .setAmountMinor(12500L).setCurrency("USD").setEventTime(NOON).setItemCategory("books")
                .setItemTitle("classic novel 12").setPaymentMethod("card").setBuyerCountry("US").setShippingCountry("US").build();
        byte[] generic = new GenericRecordCodec(risk.schemaStore()).encode(verdict.record());
        byte[] specific = SpecificRecordCodec.of(Transaction.class, risk.schemaStore()).encode(asTheSampleCoercedIt);
        assertThat(generic).isEqualTo(specific);
    }

    @Test
    void aRowWithoutTitleOrShippingCountryEncodesLikeTheSamplesTransaction() {
        Map<String, Object> row = goodRow();
        row.put("item_title", null);
        row.put("shipping_country", "  ");
        RowVerdict verdict = coercer.coerce(row::get, DAY, false);
        Transaction expected = Transaction.newBuilder().setTxnId("t20260301-0000007").setBuyerId("b-17").setSellerId("s-4")
                .setAmountMinor(12500L).setCurrency("USD").setEventTime(NOON).setItemCategory("books").setItemTitle(null)
                .setPaymentMethod("card").setBuyerCountry("US").setShippingCountry(null).build();
        assertThat(new GenericRecordCodec(risk.schemaStore()).encode(verdict.record()))
                .isEqualTo(SpecificRecordCodec.of(Transaction.class, risk.schemaStore()).encode(expected));
    }

    private static Map<String, Object> withTitle(String title) {
        Map<String, Object> row = goodRow();
        row.put("item_title", title);
        return row;
    }
}
