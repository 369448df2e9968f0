package io.offstream.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RegionRegistryPropertiesTests {

    private static RegionRegistryProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("offstream.registry", RegionRegistryProperties.class);
    }

    @Test
    void defaultsReadScdfWithAShortTimeoutAndCacheBriefly() {
        RegionRegistryProperties properties = bind(Map.of());
        assertThat(properties.scdfTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.capacityCacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.assignInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.allowedScdfUrls()).containsExactly("localhost", "127.0.0.1", "[::1]");
        assertThat(properties.allowedKafkaBootstraps()).containsExactly("localhost", "127.0.0.1", "[::1]");
    }

    @Test
    void takesAllowListsAsCommaSeparatedPatternsAndRefusesABadOne() {
        RegionRegistryProperties properties = bind(Map.of("offstream.registry.allowed-kafka-bootstraps", "*.dc1.example.com:9092,[::1]:*"));
        assertThat(properties.allowList().refusal("http://localhost:9393", "k1.dc1.example.com:9092,[::1]:19092")).isEmpty();
        assertThatThrownBy(() -> bind(Map.of("offstream.registry.allowed-scdf-urls", "scdf:http")))
                .isInstanceOf(BindException.class).hasStackTraceContaining("offstream.registry.allowed-scdf-urls: 'scdf:http' has no valid port");
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThatThrownBy(() -> bind(Map.of("offstream.registry.scdf-timeout", "0s")))
                .isInstanceOf(BindException.class).hasStackTraceContaining("scdf-timeout must be positive");
    }
}
