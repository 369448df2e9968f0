package io.offstream.risk.sellers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/** Reads seller profiles from the service's own database (table {@code SELLER_PROFILE}). */
public class SellerProfileRepository {

    private static final String FIND = "SELECT SELLER_ID, TIER, ACCOUNT_AGE_DAYS, CHARGEBACK_BP, COUNTRY "
            + "FROM SELLER_PROFILE WHERE SELLER_ID = ?";

    private final DataSource dataSource;

    public SellerProfileRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<SellerProfile> find(String sellerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, sellerId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SellerProfile(rows.getString(1), rows.getString(2), rows.getInt(3),
                        rows.getInt(4), rows.getString(5)));
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Seller profile lookup of " + sellerId + " failed: " + e.getMessage(), e);
        }
    }
}
