package io.offstream.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionAllowListTests {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final RegionAllowList loopback = new RegionAllowList(LOOPBACK, LOOPBACK);

    @Test
    void loopbackOnAnyPortIsAllowedByDefault() {
        assertThat(loopback.refusal("http://localhost:9393", "localhost:9092")).isEmpty();
        assertThat(loopback.refusal("https://127.0.0.1", "127.0.0.1:19092,[::1]:9092")).isEmpty();
        assertThat(loopback.refusal("http://[::1]:9393/", null)).isEmpty();
        assertThat(loopback.refusal("http://LOCALHOST:1", "PLAINTEXT://localhost:9092")).isEmpty();
    }

    @Test
    void anOutsideScdfIsRefusedNamingTheValueAndTheProperty() {
        assertThat(loopback.refusal("http://scdf.evil.example.org:9393", "localhost:9092")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("scdfUrl 'http://scdf.evil.example.org:9393' is not allowed: add a pattern matching "
                        + "scdf.evil.example.org:9393 to offstream.registry.allowed-scdf-urls")
                .doesNotContain("\n"));
    }

    @Test
    void anyOutsideKafkaServerOfTheBootstrapIsRefused() {
        assertThat(loopback.refusal("http://localhost:9393", "localhost:9092, broker.evil.example.org:9092"))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("kafkaBootstrap server 'broker.evil.example.org:9092' "
                        + "is not allowed: add a pattern matching broker.evil.example.org:9092 to offstream.registry.allowed-kafka-bootstraps"));
        assertThat(loopback.refusal("http://localhost:9393", "localhost")).hasValue("kafkaBootstrap server 'localhost' is not host:port");
    }

    @Test
    void aDomainPatternAllowsHostsUnderItAndAPortPatternOnlyThatPort() {
        RegionAllowList dc1 = new RegionAllowList(List.of("*.dc1.example.com:9393"), List.of("*.dc1.example.com", "kafka.example.com:*"));
        assertThat(dc1.refusal("http://scdf.dc1.example.com:9393", "b1.dc1.example.com:9092,kafka.example.com:9093")).isEmpty();
        assertThat(dc1.refusal("http://a.b.dc1.example.com:9393", null)).isEmpty();
        assertThat(dc1.refusal("http://scdf.dc1.example.com:9394", null)).isPresent();
        assertThat(dc1.refusal("http://dc1.example.com:9393", null)).as("the domain itself is not under it").isPresent();
        assertThat(dc1.refusal("http://evildc1.example.com:9393", null)).isPresent();
        assertThat(dc1.refusal("http://localhost:9393", null)).as("no loopback unless listed").isPresent();
    }

    @Test
    void aStarAllowsAnyHost() {
        assertThat(new RegionAllowList(List.of("*"), List.of("*:9092")).refusal("http://anywhere.example:1", "x.example:9092")).isEmpty();
    }

    @Test
    void aMalformedPatternIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new RegionAllowList(List.of("host:port"), LOOPBACK))
                .hasMessage("offstream.registry.allowed-scdf-urls: 'host:port' has no valid port (0-65535 or *)");
        assertThatThrownBy(() -> new RegionAllowList(LOOPBACK, List.of("a*.example.com")))
                .hasMessageStartingWith("offstream.registry.allowed-kafka-bootstraps: 'a*.example.com' is not an endpoint pattern");
    }
}
