package io.offstream.consumer.app.actuate;

import io.offstream.consumer.app.binding.IngressContainer;
import io.offstream.consumer.core.engine.ServicePipeline;
import io.offstream.contract.naming.RunTopics;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code binding}: the pipeline behind the {@code ingress}
 * binding (its group, assignment and load); DOWN once it failed. The binder's own component
 * ({@code binders}) shows the Kafka connection; {@code /actuator/bindings} the binding's state.
 */
@Component("binding")
public class BindingHealthIndicator implements HealthIndicator {

    private final ServicePipeline<?, ?> pipeline;

    private final IngressContainer ingress;

    public BindingHealthIndicator(ServicePipeline<?, ?> pipeline, IngressContainer ingress) {
        this.pipeline = pipeline;
        this.ingress = ingress;
    }

    @Override
    public Health health() {
        Throwable failure = pipeline.failure();
        Health.Builder builder = failure == null ? Health.up() : Health.down().withDetail("failure", failure.toString());
        String service = pipeline.settings().service();
        return builder.withDetail("state", failure != null ? "FAILED" : pipeline.paused() ? "PAUSED" : "RUNNING")
                .withDetail("group", RunTopics.consumerGroup(service))
                .withDetail("topicPattern", RunTopics.ingressPattern(service).pattern())
                .withDetail("assignedPartitions", ingress.assignedPartitions())
                .withDetail("inFlight", pipeline.inFlight())
                .withDetail("maxInFlight", pipeline.maxInFlight())
                .withDetail("rateLimit", pipeline.rateLimit())
                .withDetail("maxPollRecords", pipeline.maxPollRecords())
                .build();
    }
}
