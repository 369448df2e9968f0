package io.offstream.consumer.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.junit.jupiter.api.Test;

class PlainJsonCodecTests {

    private final PlainJsonCodec<Transaction> transactions = PlainJsonCodec.of(Transaction.class);

    private final PlainJsonCodec<RiskDecision> decisions = PlainJsonCodec.of(RiskDecision.class);

    @Test
    void writesSchemaFieldNamesInOrderWithTimesAsEpochMillis() {
        Transaction t = Transaction.newBuilder().setTxnId("t1").setBuyerId("b").setSellerId("s").setAmountMinor(1234)
                .setCurrency("EUR").setEventTime(Instant.ofEpochMilli(1700000000123L)).setItemCategory("books")
                .setItemTitle(null).setPaymentMethod("card").setBuyerCountry("DE").setShippingCountry("FR").build();
        String json = new String(transactions.write(t), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"txn_id\":\"t1\",\"buyer_id\":\"b\",\"seller_id\":\"s\",\"amount_minor\":1234,"
                + "\"currency\":\"EUR\",\"event_time\":1700000000123,\"item_category\":\"books\",\"item_title\":null,"
                + "\"payment_method\":\"card\",\"buyer_country\":\"DE\",\"shipping_country\":\"FR\"}");
        assertThat(transactions.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(t);
    }

    @Test
    void roundTripsArraysAndFillsOptionalFieldsThatAreMissing() {
        RiskDecision d = RiskDecision.newBuilder().setTxnId("t1").setDecision("REVIEW").setRiskScore(420)
                .setReasons(List.of("A", "B")).setAmountUsdMinor(99).setSellerTier("new").setServiceVersion("v")
                .setEventTime(Instant.ofEpochMilli(5)).build();
        assertThat(decisions.read(decisions.write(d))).isEqualTo(d);
        Transaction t = transactions.read(("{\"txn_id\":\"t\",\"buyer_id\":\"b\",\"seller_id\":\"s\",\"amount_minor\":1,"
                + "\"currency\":\"USD\",\"event_time\":0,\"item_category\":\"c\",\"payment_method\":\"card\","
                + "\"buyer_country\":\"US\",\"unknown\":{\"x\":[1,2]}}").getBytes(StandardCharsets.UTF_8));
        assertThat(t.getItemTitle()).isNull();
        assertThat(t.getShippingCountry()).isNull();
    }

    @Test
    void namesTheFieldThatIsMissingOrMistyped() {
        assertThatThrownBy(() -> transactions.read("{\"txn_id\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("buyer_id");
        assertThatThrownBy(() -> transactions.read("{\"txn_id\":5}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PlainJsonException.class).hasMessageContaining("txn_id");
        assertThatThrownBy(() -> transactions.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PlainJsonException.class);
    }
}
