package io.offstream.risk.rules;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.offstream.risk.sellers.SellerProfile;
import io.offstream.schemas.sample.Transaction;

/**
 * The scoring rules: amount (after FX), the seller's reference data, the route, the category, the
 * payment method and the time of day. Score = sum of the fired rules' points, clamped to 0..1000;
 * below {@link Thresholds#reviewFrom()} APPROVE, below {@link Thresholds#declineFrom()} REVIEW,
 * otherwise DECLINE ({@link Thresholds#DEFAULTS}: 300 and 600).
 */
public final class RiskRules {

    private static final Set<String> RISKY_CATEGORIES = Set.of("electronics", "jewelry");

    private RiskRules() {
    }

    public static List<RuleHit> evaluate(RiskFacts facts) {
        Transaction t = facts.transaction();
        List<RuleHit> hits = new ArrayList<>();
        long usd = facts.amountUsdMinor();
        if (usd >= 500_000) {
            hits.add(new RuleHit("VERY_HIGH_AMOUNT", 300));
        }
        else if (usd >= 100_000) {
            hits.add(new RuleHit("HIGH_AMOUNT", 150));
        }
        if (facts.seller().isEmpty()) {
            hits.add(new RuleHit("UNKNOWN_SELLER", 250));
        }
        else {
            SellerProfile seller = facts.seller().get();
            switch (seller.tier()) {
                case "new" -> hits.add(new RuleHit("NEW_SELLER", 200));
                case "trusted" -> hits.add(new RuleHit("TRUSTED_SELLER", -100));
                default -> {
                }
            }
            if (seller.chargebackBasisPoints() > 150) {
                hits.add(new RuleHit("SELLER_CHARGEBACKS", 150));
            }
            if (seller.accountAgeDays() < 30 && usd >= 50_000) {
                hits.add(new RuleHit("YOUNG_SELLER_HIGH_AMOUNT", 150));
            }
            if (!seller.country().equals(t.getBuyerCountry())) {
                hits.add(new RuleHit("FOREIGN_SELLER", 50));
            }
        }
        if (t.getShippingCountry() != null && !Objects.equals(t.getShippingCountry(), t.getBuyerCountry())) {
            hits.add(new RuleHit("CROSS_BORDER_SHIPPING", 100));
        }
        if ("gift_cards".equals(t.getItemCategory())) {
            hits.add(new RuleHit("GIFT_CARDS", 200));
        }
        else if (RISKY_CATEGORIES.contains(t.getItemCategory())) {
            hits.add(new RuleHit("RISKY_CATEGORY", 100));
        }
        switch (t.getPaymentMethod()) {
            case "crypto" -> hits.add(new RuleHit("CRYPTO_PAYMENT", 200));
            case "wallet" -> hits.add(new RuleHit("WALLET_PAYMENT", 50));
            default -> {
            }
        }
        if (t.getItemTitle() == null) {
            hits.add(new RuleHit("LISTING_REMOVED", 75));
        }
        int hour = t.getEventTime().atZone(ZoneOffset.UTC).getHour();
        if (hour < 5) {
            hits.add(new RuleHit("NIGHT_TIME", 50));
        }
        hits.sort(Comparator.comparingInt((RuleHit h) -> -Math.abs(h.points())).thenComparing(RuleHit::code));
        return hits;
    }

    public static int score(List<RuleHit> hits) {
        int sum = hits.stream().mapToInt(RuleHit::points).sum();
        return Math.max(0, Math.min(1000, sum));
    }

    public static String decision(int score, Thresholds thresholds) {
        return score >= thresholds.declineFrom() ? "DECLINE" : score >= thresholds.reviewFrom() ? "REVIEW" : "APPROVE";
    }

    /**
     * Where the score's outcomes begin.
     *
     * @param reviewFrom the lowest score that is reviewed rather than approved
     * @param declineFrom the lowest score that is declined; not below {@code reviewFrom}
     */
    public record Thresholds(int reviewFrom, int declineFrom) {

        /** Version 1.0.0 of the rules: review from 300, decline from 600. */
        public static final Thresholds DEFAULTS = new Thresholds(300, 600);

        public Thresholds {
            if (reviewFrom < 0 || reviewFrom > declineFrom) {
                throw new IllegalArgumentException("thresholds need 0 <= reviewFrom <= declineFrom, were reviewFrom " + reviewFrom
                        + " and declineFrom " + declineFrom);
            }
        }
    }
}
