package io.offstream.registry.config;

import java.time.Duration;
import java.util.List;

import io.offstream.registry.security.RegionAllowList;

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
 * @param allowedScdfUrls where a region's {@code scdfUrl} may point: patterns {@code host},
 *        {@code host:port}, {@code host:*}, {@code *.domain[:port]} or {@code *} (any host); no port
 *        means any port, a URL without a port has its scheme's (80, 443). Default: loopback only
 * @param allowedKafkaBootstraps where each of a region's {@code kafkaBootstrap} servers may point,
 *        patterns as for {@code allowedScdfUrls}. Default: loopback only
 */
@Validated
@ConfigurationProperties("offstream.registry")
public record RegionRegistryProperties(
        @DefaultValue("1s") @NotNull Duration scdfTimeout,
        @DefaultValue("2s") @NotNull Duration capacityCacheTtl,
        @DefaultValue("5s") @NotNull Duration assignInterval,
        @DefaultValue({ "localhost", "127.0.0.1", "[::1]" }) List<String> allowedScdfUrls,
        @DefaultValue({ "localhost", "127.0.0.1", "[::1]" }) List<String> allowedKafkaBootstraps) {

    public RegionRegistryProperties {
        requirePositive("scdf-timeout", scdfTimeout);
        requirePositive("assign-interval", assignInterval);
        if (capacityCacheTtl != null && capacityCacheTtl.isNegative()) {
            throw new IllegalArgumentException("offstream.registry.capacity-cache-ttl must not be negative: " + capacityCacheTtl);
        }
        allowList(allowedScdfUrls, allowedKafkaBootstraps);
    }

    /** The allow-list of the regions' SCDF and Kafka endpoints. */
    public RegionAllowList allowList() {
        return allowList(allowedScdfUrls, allowedKafkaBootstraps);
    }

    private static RegionAllowList allowList(List<String> scdf, List<String> kafka) {
        return new RegionAllowList(scdf == null ? List.of() : scdf, kafka == null ? List.of() : kafka);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("offstream.registry." + name + " must be positive: " + value);
        }
    }
}
