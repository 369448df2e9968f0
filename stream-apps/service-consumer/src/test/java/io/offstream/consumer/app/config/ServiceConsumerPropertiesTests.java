package io.offstream.consumer.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.offstream.consumer.core.engine.ServiceConsumerSettings;
import io.offstream.contract.service.ConsumerLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The descriptor's consumer limits are the defaults; offstream.consumer.* options override them only when set. */
class ServiceConsumerPropertiesTests {

    private static final ConsumerLimits DESCRIPTOR = new ConsumerLimits(64, 500, 3, Duration.ofSeconds(5));

    private static ServiceConsumerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("offstream.consumer", ServiceConsumerProperties.class);
    }

    @Test
    void theDescriptorsLimitsApplyWhenNoOptionIsSet() {
        ServiceConsumerProperties properties = bind(Map.of("offstream.consumer.service", "pricing"));
        ServiceConsumerSettings settings = properties.toSettings(DESCRIPTOR);

        assertThat(settings.service()).isEqualTo("pricing");
        assertThat(settings.maxInFlight()).isEqualTo(64);
        assertThat(settings.rateLimit()).isEqualTo(500);
        assertThat(settings.retry().maxAttempts()).isEqualTo(3);
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.effectiveWorkers(DESCRIPTOR)).isEqualTo(64);
    }

    @Test
    void optionsSetExplicitlyOverrideTheDescriptor() {
        ServiceConsumerProperties properties = bind(Map.of(
                "offstream.consumer.max-in-flight", "32",
                "offstream.consumer.rate-limit", "0",
                "offstream.consumer.retry.max-attempts", "1",
                "offstream.consumer.call-timeout", "750ms",
                "offstream.consumer.workers", "8"));
        ServiceConsumerSettings settings = properties.toSettings(DESCRIPTOR);

        assertThat(settings.maxInFlight()).isEqualTo(32);
        assertThat(settings.rateLimit()).isZero();
        assertThat(settings.retry().maxAttempts()).isEqualTo(1);
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(properties.effectiveWorkers(DESCRIPTOR)).isEqualTo(8);
    }

    @Test
    void defaultsServeTheSampleEntryOnTheLocalBroker() {
        ServiceConsumerProperties properties = bind(Map.of());
        ServiceConsumerSettings settings = properties.toSettings(ConsumerLimits.DEFAULTS);

        assertThat(properties.service()).isEqualTo("risk");
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.maxInFlight()).isEqualTo(ConsumerLimits.DEFAULTS.maxInFlight());
        assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.classifier().isTransient(new java.io.IOException("x"))).isTrue();
    }

    @Test
    void bindsKafkaPropertiesWithDotsAndTheOtherEngineOptions() {
        ServiceConsumerSettings settings = bind(Map.of(
                "offstream.consumer.commit-interval", "1s",
                "offstream.consumer.kafka[session.timeout.ms]", "6000")).toSettings(DESCRIPTOR);

        assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.kafka()).containsEntry("session.timeout.ms", "6000");
    }
}
