package io.offstream.dataflow.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Makes {@code /about} report the dashboard that is really on the classpath.
 *
 * <p>SCDF 2.11.5's built-in defaults name dashboard 3.4.x, which is not on Maven Central; this
 * server serves 3.2.0. Rather than hard-coding a second number that could drift from the pom,
 * the version is read from the dashboard jar's own Maven metadata. An explicitly configured
 * value still wins: this source goes just ahead of SCDF's defaults (the {@code defaultProperties*}
 * sources), below application.yml, environment and command line.
 */
public class DashboardVersionEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DASHBOARD_POM_PROPERTIES =
            "META-INF/maven/org.springframework.cloud/spring-cloud-dataflow-ui/pom.properties";

    /** SCDF's DefaultEnvironmentPostProcessor names its sources with this prefix. */
    static final String DEFAULTS_PREFIX = "defaultProperties";

    static final String DASHBOARD_VERSION_PROPERTY =
            "spring.cloud.dataflow.version-info.dependencies.spring-cloud-dataflow-dashboard.version";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String version = servedDashboardVersion(application.getClassLoader());
        if (version == null) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource served = new MapPropertySource("offstreamServedDashboard",
                Map.of(DASHBOARD_VERSION_PROPERTY, version));
        sources.stream()
                .map(PropertySource::getName)
                .filter(name -> name.startsWith(DEFAULTS_PREFIX))
                .findFirst()
                .ifPresentOrElse(defaults -> sources.addBefore(defaults, served), () -> sources.addLast(served));
    }

    static String servedDashboardVersion(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(DASHBOARD_POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DASHBOARD_POM_PROPERTIES, e);
        }
    }

    /** After SCDF's own defaults post-processor, so its sources exist to be placed ahead of. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
