package io.offstream.risk.rules;

import java.util.Optional;

import io.offstream.risk.sellers.SellerProfile;
import io.offstream.schemas.sample.Transaction;

/** What the rules look at: the transaction, its amount in US cents and the seller's profile, if known. */
public record RiskFacts(Transaction transaction, long amountUsdMinor, Optional<SellerProfile> seller) {
}
