package io.offstream.registry.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.offstream.registry.model.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code regions} table. */
@Repository
public class RegionRepository {

    private final JdbcClient jdbc;

    public RegionRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<Region> findAll() {
        return jdbc.sql("SELECT * FROM regions ORDER BY name").query(RegionRepository::map).list();
    }

    public Optional<Region> find(String name) {
        return jdbc.sql("SELECT * FROM regions WHERE name = ?").param(name).query(RegionRepository::map).optional();
    }

    /** Inserts the region, or updates the one of that name (keeping its enabled flag and creation time). */
    public void upsert(Region region, Instant now) {
        int updated = jdbc.sql("UPDATE regions SET scdf_url = ?, platform_account = ?, kafka_bootstrap = ?, capacity_source = ?,"
                        + " updated_at = ? WHERE name = ?")
                .params(region.scdfUrl(), region.platformAccount(), region.kafkaBootstrap(), region.capacitySource(),
                        Timestamp.from(now), region.name())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO regions (name, scdf_url, platform_account, kafka_bootstrap, capacity_source, enabled,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(region.name(), region.scdfUrl(), region.platformAccount(), region.kafkaBootstrap(),
                            region.capacitySource(), region.enabled(), Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
    }

    public boolean setEnabled(String name, boolean enabled, Instant now) {
        return jdbc.sql("UPDATE regions SET enabled = ?, updated_at = ? WHERE name = ?")
                .params(enabled, Timestamp.from(now), name).update() > 0;
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM regions WHERE name = ?").param(name).update() > 0;
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getString("name"), rs.getString("scdf_url"), rs.getString("platform_account"),
                rs.getString("kafka_bootstrap"), rs.getString("capacity_source"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
