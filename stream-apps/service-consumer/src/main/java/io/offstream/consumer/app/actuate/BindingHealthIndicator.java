package io.offstream.consumer.app.actuate;

import io.offstream.consumer.core.engine.ConsumerStatus;
import io.offstream.consumer.core.engine.ServiceConsumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code binding}: the subscription, assignment and state of the engine. */
@Component("binding")
public class BindingHealthIndicator implements HealthIndicator {

    private final ServiceConsumer<?, ?> consumer;

    public BindingHealthIndicator(ServiceConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    @Override
    public Health health() {
        ConsumerStatus status = consumer.status();
        Health.Builder builder = switch (status.state()) {
            case "RUNNING", "PAUSED", "STARTING", "STOPPING" -> Health.up();
            case "FAILED" -> Health.down();
            default -> Health.outOfService();
        };
        builder.withDetail("state", status.state())
                .withDetail("group", status.group())
                .withDetail("topicPattern", status.topicPattern())
                .withDetail("assignedPartitions", status.assignedPartitions())
                .withDetail("inFlight", status.inFlight())
                .withDetail("maxInFlight", status.maxInFlight())
                .withDetail("rateLimit", status.rateLimit())
                .withDetail("maxPollRecords", status.maxPollRecords());
        if (status.failure() != null) {
            builder.withDetail("failure", status.failure());
        }
        return builder.build();
    }
}
