package io.offstream.registry.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registry's options ({@code offstream.registry.*}).
 *
 * @param scdfTimeout how long a region's SCDF may take to answer the capacity read (its health
 *        check); a region whose SCDF does not answer in time is DOWN
 * @param capacityCacheTtl how long one SCDF read (capacity, running counts, health) is reused
 * @param assignInterval how often queued dispatches are placed on regions that got room
 *        (they are also placed on every dispatch and state change)
 */
@Validated
@ConfigurationProperties("offstream.registry")
public record RegionRegistryProperties(
        @DefaultValue("1s") @NotNull Duration scdfTimeout,
        @DefaultValue("2s") @NotNull Duration capacityCacheTtl,
        @DefaultValue("5s") @NotNull Duration assignInterval) {

    public RegionRegistryProperties {
        requirePositive("scdf-timeout", scdfTimeout);
        requirePositive("assign-interval", assignInterval);
        if (capacityCacheTtl != null && capacityCacheTtl.isNegative()) {
            throw new IllegalArgumentException("offstream.registry.capacity-cache-ttl must not be negative: " + capacityCacheTtl);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("offstream.registry." + name + " must be positive: " + value);
        }
    }
}
