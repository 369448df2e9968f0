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

    private static final ConsumerLimits DESCRIPTOR = new ConsumerLimits(64, 500, 3, Duration.ofSeconds(5), 0);

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
    void theDescriptorsWorkersApplyUpToTheCallsInFlight() {
        ConsumerLimits computing = new ConsumerLimits(64, 0, 3, Duration.ofSeconds(5), 4);

        assertThat(bind(Map.of()).effectiveWorkers(computing)).isEqualTo(4);
        assertThat(bind(Map.of("offstream.consumer.max-in-flight", "2")).effectiveWorkers(computing)).isEqualTo(2);
        assertThat(bind(Map.of("offstream.consumer.workers", "16")).effectiveWorkers(computing)).isEqualTo(16);
    }

    @Test
    void defaultsServeTheSampleEntry() {
        ServiceConsumerProperties properties = bind(Map.of());
        ServiceConsumerSettings settings = properties.toSettings(ConsumerLimits.DEFAULTS);

        assertThat(properties.service()).isEqualTo("risk");
        assertThat(settings.maxInFlight()).isEqualTo(ConsumerLimits.DEFAULTS.maxInFlight());
        assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.classifier().isTransient(new java.io.IOException("x"))).isTrue();
        assertThat(settings.classifier().isTransient(new java.sql.SQLTransientConnectionException("x"))).isTrue();
        assertThat(settings.egressAttempts()).isEqualTo(3);
    }

    @Test
    void bindsThePipelinesOtherOptions() {
        ServiceConsumerProperties properties = bind(Map.of(
                "offstream.consumer.commit-interval", "1s",
                "offstream.consumer.egress-attempts", "5",
                "offstream.consumer.retry.transient-exceptions", "java.lang.IllegalStateException"));
        ServiceConsumerSettings settings = properties.toSettings(DESCRIPTOR);

        assertThat(properties.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.egressAttempts()).isEqualTo(5);
        assertThat(settings.classifier().isTransient(new IllegalStateException("x"))).isTrue();
        assertThat(settings.classifier().isTransient(new java.io.IOException("x"))).isFalse();
    }
}
