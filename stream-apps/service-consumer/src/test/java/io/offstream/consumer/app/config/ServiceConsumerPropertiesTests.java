package io.offstream.consumer.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.offstream.consumer.core.engine.ServiceConsumerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ServiceConsumerPropertiesTests {

    private static ServiceConsumerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("offstream.consumer", ServiceConsumerProperties.class);
    }

    @Test
    void defaultsHostTheSampleServiceInProcessOnTheLocalBroker() {
        ServiceConsumerProperties properties = bind(Map.of());
        assertThat(properties.service()).isEqualTo("risk");
        assertThat(properties.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(properties.mode()).isEqualTo(ServiceConsumerProperties.Mode.IN_PROCESS);
        assertThat(properties.serviceBean()).isEqualTo("riskService");
        assertThat(properties.remote().url()).hasToString("http://localhost:8082/score");
        assertThat(properties.effectiveWorkers()).isEqualTo(256);
        ServiceConsumerSettings settings = properties.toSettings();
        assertThat(settings.maxInFlight()).isEqualTo(256);
        assertThat(settings.retry().maxAttempts()).isEqualTo(4);
        assertThat(settings.classifier().isTransient(new java.io.IOException("x"))).isTrue();
    }

    @Test
    void bindsRemoteModeAndKafkaPropertiesWithDots() {
        ServiceConsumerProperties properties = bind(Map.of(
                "offstream.consumer.mode", "remote",
                "offstream.consumer.remote.url", "http://localhost:9999/score",
                "offstream.consumer.max-in-flight", "32",
                "offstream.consumer.rate-limit", "500",
                "offstream.consumer.commit-interval", "1s",
                "offstream.consumer.kafka[session.timeout.ms]", "6000"));
        assertThat(properties.mode()).isEqualTo(ServiceConsumerProperties.Mode.REMOTE);
        ServiceConsumerSettings settings = properties.toSettings();
        assertThat(settings.maxInFlight()).isEqualTo(32);
        assertThat(settings.rateLimit()).isEqualTo(500);
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.kafka()).containsEntry("session.timeout.ms", "6000");
    }
}
