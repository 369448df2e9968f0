package io.offstream.tasks.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TaskMetricsDefaultsTests {

    @Test
    void pushingToAProxyIsOffUnlessThePlatformTurnsItOn() {
        StandardEnvironment plain = new StandardEnvironment();
        new TaskMetricsDefaults().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("management.metrics.export.prometheus.rsocket.enabled")).isEqualTo("false");
        assertThat(plain.getProperty("spring.main.web-application-type")).isEqualTo("none");

        StandardEnvironment monitored = new StandardEnvironment();
        monitored.getPropertySources().addFirst(new MapPropertySource("scdf", Map.of(
                "management.metrics.export.prometheus.rsocket.enabled", "true")));
        new TaskMetricsDefaults().postProcessEnvironment(monitored, new SpringApplication());
        assertThat(monitored.getProperty("management.metrics.export.prometheus.rsocket.enabled")).isEqualTo("true");
    }
}
