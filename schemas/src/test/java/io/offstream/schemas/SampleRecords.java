package io.offstream.schemas;

import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import java.time.Instant;
import java.util.List;

/** Typical sample records for tests. */
public final class SampleRecords {

    public static final Instant EVENT_TIME = Instant.parse("2026-03-14T09:26:53.589Z");

    private SampleRecords() {
    }

    public static Transaction transaction() {
        return Transaction.newBuilder()
                .setTxnId("txn-000042")
                .setBuyerId("buyer-7")
                .setSellerId("seller-3")
                .setAmountMinor(129_99L)
                .setCurrency("EUR")
                .setEventTime(EVENT_TIME)
                .setItemCategory("electronics")
                .setItemTitle("Noise-cancelling headphones — ünïcode")
                .setPaymentMethod("card")
                .setBuyerCountry("DE")
                .setShippingCountry("FR")
                .build();
    }

    public static RiskDecision riskDecision() {
        return RiskDecision.newBuilder()
                .setTxnId("txn-000042")
                .setDecision("REVIEW")
                .setRiskScore(612)
                .setReasons(List.of("NEW_SELLER", "CROSS_BORDER"))
                .setAmountUsdMinor(141_12L)
                .setSellerTier("new")
                .setServiceVersion("risk-service 2.3.1")
                .setEventTime(EVENT_TIME)
                .build();
    }
}
