package io.offstream.consumer.app.binding;

import java.util.Map;

import io.offstream.contract.naming.Names;
import io.offstream.contract.naming.RunTopics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The two binding properties that depend on the served entry: the {@code ingress} binding's
 * destination (the pattern of every run's ingress topic of the service, so a new run is picked up
 * without a restart) and its group, both by the run contract's rules. Added last, so any property
 * set by the user wins; the service-independent defaults are in {@code application.properties}.
 */
public class IngressBindingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "offstreamIngressBinding";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("offstream.consumer.service", "risk");
        if (!Names.isServiceName(service)) {
            return; // the properties' validation names the bad value
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.cloud.stream.bindings.ingress.destination", RunTopics.ingressPatternWithoutCommas(service).pattern(),
                "spring.cloud.stream.bindings.ingress.group", RunTopics.consumerGroup(service))));
    }
}
