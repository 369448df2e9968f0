package io.offstream.registry.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.offstream.registry.dispatch.RegionService;
import io.offstream.registry.model.RegionStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/regions}: each region's health and headroom. The registry itself stays
 * UP when regions are DOWN (it then queues); details say which regions can take work.
 */
@Component("regions")
public class RegionsHealthIndicator implements HealthIndicator {

    private final RegionService regions;

    public RegionsHealthIndicator(RegionService regions) {
        this.regions = regions;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (RegionStatus status : regions.statuses()) {
            details.put(status.region().name(), (status.capacity().up() ? "UP" : "DOWN: " + status.capacity().reason())
                    + (status.region().enabled() ? "" : " (disabled)") + ", headroom " + status.headroom());
        }
        return Health.up().withDetails(details).build();
    }
}
