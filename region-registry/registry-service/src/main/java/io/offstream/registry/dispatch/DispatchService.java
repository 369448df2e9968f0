package io.offstream.registry.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.offstream.registry.model.Dispatch;
import io.offstream.registry.model.DispatchState;
import io.offstream.registry.store.DispatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The persistent dispatch queue: accepts requests, places each on the region with the most
 * headroom (or leaves it waiting), and records launches and ends. Placement is serialized in
 * this instance (run one registry per database).
 */
@Service
public class DispatchService {

    private static final Logger log = LoggerFactory.getLogger(DispatchService.class);

    private final DispatchRepository dispatches;

    private final RegionService regions;

    private final Clock clock;

    public DispatchService(DispatchRepository dispatches, RegionService regions, Clock clock) {
        this.dispatches = dispatches;
        this.regions = regions;
        this.clock = clock;
    }

    /** Accepts a child into the queue and places what can be placed; the same run and child again returns the first. */
    public synchronized Dispatch accept(String runKey, String childKey, String payload, int slots) {
        Optional<Dispatch> existing = dispatches.find(runKey, childKey);
        long id = existing.isPresent() ? existing.get().id() : dispatches.insert(runKey, childKey, payload, slots, clock.instant());
        assignWaiting();
        return dispatches.find(id).orElseThrow();
    }

    /**
     * Places waiting dispatches, oldest first, each where it fits; one that fits nowhere (too
     * many slots, or only regions it must avoid have room) waits without holding back the rest.
     */
    @Scheduled(fixedDelayString = "${offstream.registry.assign-interval:5s}")
    public synchronized List<Dispatch> assignWaiting() {
        List<Dispatch> waiting = dispatches.findWaiting();
        List<Dispatch> placed = new ArrayList<>();
        if (waiting.isEmpty()) {
            return placed;
        }
        Map<String, RegionLoad> loads = new LinkedHashMap<>();
        regions.loads().forEach(l -> loads.put(l.name(), l));
        for (Dispatch dispatch : waiting) {
            Optional<RegionLoad> chosen = HeadroomPolicy.choose(loads.values(), dispatch.slots(), dispatch.avoidRegions());
            if (chosen.isEmpty()) {
                continue;
            }
            RegionLoad region = chosen.get();
            dispatches.update(dispatch.id(), region.name(), DispatchState.ACCEPTED, dispatch.reason(), clock.instant());
            loads.put(region.name(), region.withMoreQueued(dispatch.slots()));
            log.info("Dispatch {} ({}/{}) placed on region {} (headroom was {})", dispatch.id(), dispatch.runKey(),
                    dispatch.childKey(), region.name(), region.headroom());
            placed.add(dispatches.find(dispatch.id()).orElseThrow());
        }
        return placed;
    }

    public List<Dispatch> list(String runKey, DispatchState state) {
        return dispatches.findAll(runKey, state);
    }

    public Optional<Dispatch> find(long id) {
        return dispatches.find(id);
    }

    /** The dispatcher launched it on its region. */
    public synchronized Dispatch launched(long id) {
        Dispatch dispatch = require(id);
        if (dispatch.state() != DispatchState.ACCEPTED || dispatch.region() == null) {
            throw new IllegalStateException("Dispatch " + id + " is " + describe(dispatch) + ": only a placed, ACCEPTED one can be LAUNCHED");
        }
        return move(dispatch, dispatch.region(), DispatchState.LAUNCHED, dispatch.reason());
    }

    /** It ended (DONE or FAILED); room it held is given to waiting dispatches. */
    public synchronized Dispatch ended(long id, DispatchState state, String reason) {
        Dispatch dispatch = require(id);
        if (dispatch.state().isEnded() && dispatch.state() != state) {
            throw new IllegalStateException("Dispatch " + id + " already ended " + dispatch.state());
        }
        return move(dispatch, dispatch.region(), state, reason);
    }

    /**
     * Back into the queue (region null), to be placed again. With {@code avoidRegion} its region
     * failed it (the platform refused or lost it): it is not placed there again.
     */
    public synchronized Dispatch requeue(long id, String reason, boolean avoidRegion) {
        Dispatch dispatch = require(id);
        if (dispatch.state() == DispatchState.DONE) {
            throw new IllegalStateException("Dispatch " + id + " is DONE: it is not run again");
        }
        if (avoidRegion && dispatch.region() != null) {
            Set<String> avoid = new HashSet<>(dispatch.avoidRegions());
            avoid.add(dispatch.region());
            dispatches.avoid(id, avoid, clock.instant());
            log.info("Dispatch {} ({}/{}) leaves region {} and will not go back: {}", id, dispatch.runKey(),
                    dispatch.childKey(), dispatch.region(), reason);
        }
        return move(dispatch, null, DispatchState.ACCEPTED, reason);
    }

    private Dispatch move(Dispatch dispatch, String region, DispatchState state, String reason) {
        dispatches.update(dispatch.id(), region, state, reason, clock.instant());
        if (dispatch.region() != null) {
            regions.refresh(dispatch.region());
        }
        assignWaiting();
        return require(dispatch.id());
    }

    private Dispatch require(long id) {
        return dispatches.find(id).orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private static String describe(Dispatch dispatch) {
        return dispatch.state() + (dispatch.region() == null ? " and waiting for a region" : " on " + dispatch.region());
    }

    /** No dispatch with that id. */
    public static class DispatchNotFoundException extends RuntimeException {

        public DispatchNotFoundException(long id) {
            super("No dispatch " + id);
        }
    }
}
