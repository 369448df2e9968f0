package io.offstream.risk.sellers;

/**
 * A seller as the reference data knows it.
 *
 * @param sellerId the seller's account id
 * @param tier new, standard or trusted
 * @param accountAgeDays days since the account opened
 * @param chargebackBasisPoints chargebacks per 10,000 sales
 * @param country ISO 3166-1 alpha-2 country of the seller
 */
public record SellerProfile(String sellerId, String tier, int accountAgeDays, int chargebackBasisPoints, String country) {
}
