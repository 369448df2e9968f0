package io.offstream.registry.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A registered region with its live capacity: headroom = capMax - (active + queued).
 *
 * @param health {@code UP} or {@code DOWN}
 * @param reason why it is DOWN (null when UP)
 * @param capMax the account's maximum concurrent tasks (or the fixed capacity); 0 when DOWN
 * @param active tasks SCDF runs on the account now
 * @param queued dispatches accepted for the region and not launched yet
 * @param headroom what the region can still take; what the registry routes by
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionStatus(String name, String scdfUrl, String platformAccount, String kafkaBootstrap,
        String capacitySource, boolean enabled, String health, String reason, int capMax, int active, int queued,
        int headroom, Instant createdAt, Instant updatedAt) {

    public boolean isUp() {
        return "UP".equals(health);
    }
}
