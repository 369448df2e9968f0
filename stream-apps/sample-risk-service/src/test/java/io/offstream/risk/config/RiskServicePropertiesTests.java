package io.offstream.risk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.offstream.risk.rules.RiskRules.Thresholds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The rules' thresholds are options; unset, they are version 1.0.0's. */
class RiskServicePropertiesTests {

    private static RiskServiceProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("offstream.risk", RiskServiceProperties.class);
    }

    @Test
    void unsetThresholdsAreTheDefaults() {
        RiskServiceProperties properties = bind(Map.of());
        assertThat(properties.rules().thresholds()).isEqualTo(Thresholds.DEFAULTS);
        assertThat(properties.serviceVersion()).isEqualTo("risk-1.0.0");
    }

    @Test
    void thresholdsAreBoundFromTheirOptions() {
        RiskServiceProperties properties = bind(Map.of("offstream.risk.service-version", "risk-1.1.0",
                "offstream.risk.rules.review-from", "250", "offstream.risk.rules.decline-from", "550"));
        assertThat(properties.rules().thresholds()).isEqualTo(new Thresholds(250, 550));
        assertThat(bind(Map.of("offstream.risk.rules.decline-from", "900")).rules().thresholds()).isEqualTo(new Thresholds(300, 900));
    }

    @Test
    void aReviewThresholdAboveTheDeclineThresholdIsRefusedNamingBoth() {
        assertThatThrownBy(() -> bind(Map.of("offstream.risk.rules.review-from", "700")))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offstream.risk.rules.review-from (700) must not be above offstream.risk.rules.decline-from (600)");
    }
}
