package io.offstream.registry.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionStatus;
import io.offstream.registry.model.RegionCapacity;
import io.offstream.registry.scdf.ScdfCapacityReader;
import io.offstream.registry.security.RegionAllowList;
import io.offstream.registry.store.DispatchRepository;
import io.offstream.registry.store.RegionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers regions and tells each one's health, capacity and headroom. */
@Service
public class RegionService {

    private static final Logger log = LoggerFactory.getLogger(RegionService.class);

    private final RegionRepository regions;

    private final DispatchRepository dispatches;

    private final ScdfCapacityReader capacityReader;

    private final RegionAllowList allowList;

    private final Clock clock;

    public RegionService(RegionRepository regions, DispatchRepository dispatches, ScdfCapacityReader capacityReader,
            RegionAllowList allowList, Clock clock) {
        this.regions = regions;
        this.dispatches = dispatches;
        this.capacityReader = capacityReader;
        this.allowList = allowList;
        this.clock = clock;
    }

    /**
     * Registers a region (enabled), or updates the one of that name.
     *
     * @throws RegionNotAllowedException when its SCDF URL or a Kafka bootstrap server is not on the allow-list
     */
    @Transactional
    public Region register(Region region) {
        allowList.refusal(region.scdfUrl(), region.kafkaBootstrap()).ifPresent(reason -> {
            throw new RegionNotAllowedException("Region " + region.name() + ": " + reason);
        });
        regions.upsert(region, clock.instant());
        capacityReader.forget(region.scdfUrl());
        return regions.find(region.name()).orElseThrow();
    }

    /** Enables or disables a region; disabling puts its unlaunched dispatches back into the queue. */
    @Transactional
    public Optional<Region> setEnabled(String name, boolean enabled) {
        if (!regions.setEnabled(name, enabled, clock.instant())) {
            return Optional.empty();
        }
        if (!enabled) {
            dispatches.requeueAccepted(name, "region " + name + " was disabled", clock.instant());
        }
        return regions.find(name);
    }

    /** Deletes a region; its unlaunched dispatches go back into the queue. */
    @Transactional
    public boolean delete(String name) {
        dispatches.requeueAccepted(name, "region " + name + " was deleted", clock.instant());
        return regions.delete(name);
    }

    public List<RegionStatus> statuses() {
        Map<String, Integer> queued = dispatches.queuedByRegion();
        Map<String, Integer> launched = dispatches.launchedByRegion();
        return regions.findAll().stream().map(r -> status(r, queued, launched)).toList();
    }

    public Optional<RegionStatus> status(String name) {
        return regions.find(name).map(r -> status(r, dispatches.queuedByRegion(), dispatches.launchedByRegion()));
    }

    /** The regions as the headroom choice sees them. */
    public List<RegionLoad> loads() {
        return statuses().stream().map(s -> new RegionLoad(s.region().name(), s.region().enabled(), s.capacity().up(),
                s.capacity().capMax(), s.active(), s.queued())).toList();
    }

    /**
     * At start: a stored region that the allow-list no longer admits gives its placed, unlaunched
     * dispatches back to the queue (as disabling it would) and is named in one warning each; it is
     * DOWN from then on, so nothing is placed on it.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void requeueFromRegionsNotAllowed() {
        for (Region region : regions.findAll()) {
            allowList.refusal(region.scdfUrl(), region.kafkaBootstrap()).ifPresent(reason -> {
                int requeued = dispatches.requeueAccepted(region.name(), "region " + region.name() + " is not allowed: " + reason,
                        clock.instant());
                log.warn("Region {} gets nothing ({} placed dispatches back in the queue): {}", region.name(), requeued, reason);
            });
        }
    }

    /** Makes the next look at the region's SCDF read it afresh. */
    public void refresh(String regionName) {
        regions.find(regionName).ifPresent(r -> capacityReader.forget(r.scdfUrl()));
    }

    /**
     * A stored region that the allow-list no longer admits (it changed since the region was
     * registered) is DOWN with the reason: its SCDF is not contacted and nothing is placed on it.
     */
    private RegionStatus status(Region region, Map<String, Integer> queued, Map<String, Integer> launched) {
        RegionCapacity capacity = allowList.refusal(region.scdfUrl(), region.kafkaBootstrap())
                .map(RegionCapacity::down)
                .orElseGet(() -> capacityReader.capacity(region));
        return new RegionStatus(region, capacity, queued.getOrDefault(region.name(), 0), launched.getOrDefault(region.name(), 0));
    }

    /** A region pointing where the allow-list does not admit. */
    public static final class RegionNotAllowedException extends RuntimeException {

        RegionNotAllowedException(String message) {
            super(message);
        }
    }
}
