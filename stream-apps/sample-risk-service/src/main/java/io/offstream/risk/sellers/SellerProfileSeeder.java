package io.offstream.risk.sellers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.offstream.risk.Determinism;

/**
 * Creates the {@code SELLER_PROFILE} table when it is missing and, when it is empty, seeds it with
 * the sample marketplace's sellers {@code s-00000 .. s-<count-1>}. The rows are a pure function of
 * the seller id, so every instance of the service (and every test) sees the same reference data.
 */
public final class SellerProfileSeeder {

    private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "JP", "CA", "AU", "NL", "IT", "ES");

    private SellerProfileSeeder() {
    }

    public static String sellerId(int index) {
        return String.format("s-%05d", index);
    }

    public static SellerProfile profileOf(String sellerId) {
        double u = Determinism.unit("tier:" + sellerId);
        double v = Determinism.unit("age:" + sellerId);
        double w = Determinism.unit("chargebacks:" + sellerId);
        String tier = u < 0.2 ? "new" : u < 0.75 ? "standard" : "trusted";
        int age = switch (tier) {
            case "new" -> (int) (v * 90);
            case "standard" -> 90 + (int) (v * 910);
            default -> 365 + (int) (v * 3635);
        };
        int chargebacks = (int) (w * ("trusted".equals(tier) ? 120 : 320));
        String country = COUNTRIES.get((int) (Determinism.unit("country:" + sellerId) * COUNTRIES.size()));
        return new SellerProfile(sellerId, tier, age, chargebacks, country);
    }

    /** Returns how many rows it inserted (0 when the table already had rows). */
    public static int seed(DataSource dataSource, int count) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS SELLER_PROFILE ("
                        + "SELLER_ID VARCHAR(64) PRIMARY KEY, TIER VARCHAR(16) NOT NULL, "
                        + "ACCOUNT_AGE_DAYS INT NOT NULL, CHARGEBACK_BP INT NOT NULL, COUNTRY VARCHAR(2) NOT NULL)");
            }
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM SELLER_PROFILE")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return 0;
                }
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO SELLER_PROFILE (SELLER_ID, TIER, ACCOUNT_AGE_DAYS, CHARGEBACK_BP, COUNTRY) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    SellerProfile p = profileOf(sellerId(i));
                    insert.setString(1, p.sellerId());
                    insert.setString(2, p.tier());
                    insert.setInt(3, p.accountAgeDays());
                    insert.setInt(4, p.chargebackBasisPoints());
                    insert.setString(5, p.country());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
            return count;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot seed SELLER_PROFILE: " + e.getMessage(), e);
        }
    }
}
