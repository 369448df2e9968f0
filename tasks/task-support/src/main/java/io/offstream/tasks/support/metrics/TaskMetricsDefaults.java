package io.offstream.tasks.support.metrics;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults of a phase task's metrics, below every other source: pushing to a Prometheus RSocket
 * proxy stays off until the platform turns it on (SCDF's task monitoring sets
 * {@code management.metrics.export.prometheus.rsocket.enabled=true} and the proxy's host and port),
 * so a task never dials a proxy that is not there. And a task is no web application, whatever web
 * library a metrics client brings along: it opens no port.
 */
public class TaskMetricsDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "offstream-task-metrics-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "management.metrics.export.prometheus.rsocket.enabled", "false",
                "spring.main.web-application-type", "none")));
    }
}
