package io.offstream.registry.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.offstream.registry.model.Dispatch;
import io.offstream.registry.model.DispatchState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code dispatch_queue} table: the persistent queue. */
@Repository
public class DispatchRepository {

    private final JdbcClient jdbc;

    public DispatchRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public long insert(String runKey, String childKey, String payload, int slots, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dispatch_queue (run_key, child_key, payload, slots, state, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(runKey, childKey, payload, slots, DispatchState.ACCEPTED.name(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Dispatch> find(long id) {
        return jdbc.sql("SELECT * FROM dispatch_queue WHERE id = ?").param(id).query(DispatchRepository::map).optional();
    }

    public Optional<Dispatch> find(String runKey, String childKey) {
        return jdbc.sql("SELECT * FROM dispatch_queue WHERE run_key = ? AND child_key = ?").params(runKey, childKey)
                .query(DispatchRepository::map).optional();
    }

    public List<Dispatch> findAll(String runKey, DispatchState state) {
        StringBuilder sql = new StringBuilder("SELECT * FROM dispatch_queue WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (runKey != null) {
            sql.append(" AND run_key = :runKey");
            params.put("runKey", runKey);
        }
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.name());
        }
        return jdbc.sql(sql.append(" ORDER BY id").toString()).params(params).query(DispatchRepository::map).list();
    }

    /** Accepted dispatches that wait for a region, oldest first. */
    public List<Dispatch> findWaiting() {
        return jdbc.sql("SELECT * FROM dispatch_queue WHERE state = 'ACCEPTED' AND region IS NULL ORDER BY id")
                .query(DispatchRepository::map).list();
    }

    /** Per region: the slots of the dispatches accepted for it and not launched yet. */
    public Map<String, Integer> queuedByRegion() {
        return slotsByRegion(DispatchState.ACCEPTED);
    }

    /** Per region: the slots of the dispatches launched on it and not ended. */
    public Map<String, Integer> launchedByRegion() {
        return slotsByRegion(DispatchState.LAUNCHED);
    }

    private Map<String, Integer> slotsByRegion(DispatchState state) {
        Map<String, Integer> slots = new HashMap<>();
        jdbc.sql("SELECT region, SUM(slots) AS n FROM dispatch_queue WHERE state = ? AND region IS NOT NULL GROUP BY region")
                .param(state.name())
                .query(rs -> {
                    slots.put(rs.getString("region"), rs.getInt("n"));
                });
        return slots;
    }

    public void update(long id, String region, DispatchState state, String reason, Instant now) {
        jdbc.sql("UPDATE dispatch_queue SET region = ?, state = ?, reason = ?, updated_at = ? WHERE id = ?")
                .params(region, state.name(), reason, Timestamp.from(now), id).update();
    }

    /** Adds a region this dispatch must not be placed on again. */
    public void avoid(long id, Set<String> avoidRegions, Instant now) {
        jdbc.sql("UPDATE dispatch_queue SET avoid_regions = ?, updated_at = ? WHERE id = ?")
                .params(avoidRegions.isEmpty() ? null : String.join(",", new TreeSet<>(avoidRegions)), Timestamp.from(now), id)
                .update();
    }

    /** Puts the accepted, unlaunched dispatches of a region back into the queue; returns how many. */
    public int requeueAccepted(String region, String reason, Instant now) {
        return jdbc.sql("UPDATE dispatch_queue SET region = NULL, reason = ?, updated_at = ? WHERE region = ? AND state = 'ACCEPTED'")
                .params(reason, Timestamp.from(now), region).update();
    }

    private static Set<String> regionSet(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? Set.of()
                : Set.copyOf(Arrays.asList(commaSeparated.split(",")));
    }

    private static Dispatch map(ResultSet rs, int row) throws SQLException {
        return new Dispatch(rs.getLong("id"), rs.getString("region"), rs.getString("run_key"), rs.getString("child_key"),
                rs.getString("payload"), DispatchState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getInt("slots"), regionSet(rs.getString("avoid_regions")), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
