package io.offstream.consumer.app.actuate;

import java.util.Map;

import io.offstream.consumer.core.engine.ServicePipeline;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/ratelimit}: GET shows the cap on service calls per second, POST
 * {@code {"permitsPerSecond": N}} changes it while running (0 = unlimited).
 */
@Component
@Endpoint(id = "ratelimit")
public class RateLimitEndpoint {

    private final ServicePipeline<?, ?> consumer;

    public RateLimitEndpoint(ServicePipeline<?, ?> consumer) {
        this.consumer = consumer;
    }

    @ReadOperation
    public Map<String, Object> rateLimit() {
        return Map.of("permitsPerSecond", consumer.rateLimit());
    }

    @WriteOperation
    public Map<String, Object> setRateLimit(long permitsPerSecond) {
        if (permitsPerSecond < 0) {
            throw new IllegalArgumentException("permitsPerSecond must be >= 0");
        }
        consumer.setRateLimit(permitsPerSecond);
        return rateLimit();
    }
}
