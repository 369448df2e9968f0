package io.offstream.risk;

import java.time.Instant;
import java.util.List;

import io.offstream.risk.sellers.SellerProfileSeeder;
import io.offstream.schemas.sample.Transaction;

/**
 * Deterministic sample marketplace transactions for tests, benchmarks and demos: transaction
 * {@code n} is always the same. Sellers are mostly seeded ones (about 5% unknown), amounts spread
 * from cents to thousands, over the currencies, categories and payment methods the rules look at.
 */
public final class SampleTransactions {

    private static final List<String> CURRENCIES = List.of("USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "BRL");

    private static final List<String> CATEGORIES = List.of("books", "fashion", "home", "toys", "electronics", "jewelry", "gift_cards", "sports");

    private static final List<String> PAYMENTS = List.of("card", "card", "card", "wallet", "bank_transfer", "crypto");

    private static final List<String> COUNTRIES = List.of("US", "US", "GB", "DE", "FR", "JP", "CA", "AU", "NL", "BR");

    private static final long START_2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private SampleTransactions() {
    }

    public static String txnId(long n) {
        return String.format("t-%08d", n);
    }

    public static Transaction transaction(long n) {
        return transaction(n, txnId(n));
    }

    /** Transaction {@code n} under the given id (several versions of one key differ by {@code n}). */
    public static Transaction transaction(long n, String txnId) {
        String seed = "txn:" + n;
        int sellerIndex = (int) (Determinism.unit(seed + ":seller") * 2100);
        String currency = pick(CURRENCIES, seed + ":currency");
        double magnitude = Math.pow(10, 1 + Determinism.unit(seed + ":amount") * 5); // 10 .. 1,000,000 minor units
        long amount = Math.max(1, Math.round(magnitude));
        if ("JPY".equals(currency)) {
            amount *= 100;
        }
        String buyerCountry = pick(COUNTRIES, seed + ":buyer-country");
        double shipping = Determinism.unit(seed + ":shipping");
        return Transaction.newBuilder()
                .setTxnId(txnId)
                .setBuyerId(String.format("b-%06d", (int) (Determinism.unit(seed + ":buyer") * 50_000)))
                .setSellerId(SellerProfileSeeder.sellerId(sellerIndex))
                .setAmountMinor(amount)
                .setCurrency(currency)
                .setEventTime(Instant.ofEpochMilli(START_2024 + (long) (Determinism.unit(seed + ":time") * 366L * 86_400_000L)))
                .setItemCategory(pick(CATEGORIES, seed + ":category"))
                .setItemTitle(Determinism.unit(seed + ":title") < 0.05 ? null : "Item " + (n % 997))
                .setPaymentMethod(pick(PAYMENTS, seed + ":payment"))
                .setBuyerCountry(buyerCountry)
                .setShippingCountry(shipping < 0.1 ? null : shipping < 0.8 ? buyerCountry : pick(COUNTRIES, seed + ":ship-to"))
                .build();
    }

    private static String pick(List<String> values, String seed) {
        return values.get((int) (Determinism.unit(seed) * values.size()));
    }
}
