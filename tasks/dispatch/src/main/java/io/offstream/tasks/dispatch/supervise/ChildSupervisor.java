package io.offstream.tasks.dispatch.supervise;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.DispatchState;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.registry.client.RegionRegistryException;
import io.offstream.registry.client.RegionStatus;
import io.offstream.tasks.dispatch.DispatchProperties;
import io.offstream.dataflow.client.DataFlowException;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.tasks.dispatch.scdf.RegionDataFlows;
import io.offstream.tasks.dispatch.scdf.RegionDefinitions;
import io.offstream.tasks.support.ledger.ChildStatus;
import io.offstream.tasks.support.ledger.DispatchChild;
import io.offstream.tasks.support.ledger.DispatchLedger;
import io.offstream.tasks.support.ledger.DispatchRecord;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;

/**
 * The run-children step: gives each child to the registry, launches it where the registry
 * placed it, follows it to its end, and re-routes it when its region fails it. Every move is
 * saved to the ledger before the next, so a restart picks up each child where it was: a child
 * that passed is never launched again, one still running is followed again, one that failed is
 * retried.
 *
 * <p>A region fails a child when its SCDF refuses the launch (other than for want of room),
 * cannot be reached for {@code platform-timeout}, or the child's process is lost (its launcher
 * says the process is gone and no end was recorded, or it ended without an exit code or by a
 * signal). The child then goes back into the registry's queue, never to that
 * region again, up to {@code max-attempts} launches. A child whose own work fails (a phase
 * exits non-zero, validation fails) or that a user stopped is not re-routed: it fails.
 *
 * <p>What SCDF's answers mean (launched, full, refused; running, passed, failed, lost) is
 * {@link RegionChildTracker}'s, over the shared client and follower; this class keeps the ledger
 * and the registry in step with it.
 */
public class ChildSupervisor {

    private static final Logger log = LoggerFactory.getLogger(ChildSupervisor.class);

    private final DispatchLedger dispatches;

    private final RunLedger runs;

    private final RegionRegistryClient registry;

    private final RegionDataFlows dataFlows;

    private final RegionChildTracker tracker;

    private final RegionDefinitions definitions;

    private final DispatchProperties settings;

    /** The catalogue the parent resolved: every child runs the same service definition. */
    private final URI catalogue;

    public ChildSupervisor(DispatchLedger dispatches, RunLedger runs, RegionRegistryClient registry, RegionDataFlows dataFlows,
            RegionChildTracker tracker, RegionDefinitions definitions, DispatchProperties settings, URI catalogue) {
        this.dispatches = dispatches;
        this.runs = runs;
        this.registry = registry;
        this.dataFlows = dataFlows;
        this.tracker = tracker;
        this.definitions = definitions;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    /**
     * Runs every child to its end. Throws, naming them, when some failed: the step fails, and
     * SCDF's restart of the dispatch reruns this step, which retries exactly those.
     */
    public List<DispatchChild> superviseUntilSettled(RunParameters run) throws InterruptedException {
        retryFailed(run.runKey());
        dispatches.updateStatus(run.runKey(), DispatchRecord.RUNNING, "children running");
        DispatchProgress progress = new DispatchProgress(run.runKey(), System.nanoTime());
        long deadline = settings.waitsWithoutLimit() ? Long.MAX_VALUE : System.nanoTime() + settings.timeout().toNanos();
        Long registryDownSince = null;
        while (true) {
            try {
                for (DispatchChild child : dispatches.children(run.runKey())) {
                    advance(run, child);
                }
                registryDownSince = null;
            }
            catch (RegionRegistryException unreachable) {
                if (unreachable.status() != 0 && unreachable.status() < 500) {
                    throw unreachable; // the registry refused a request: not something waiting cures
                }
                // the registry holds the queue: wait for it as long as for a region's SCDF, then give up
                registryDownSince = registryDownSince == null ? System.nanoTime() : registryDownSince;
                Duration down = Duration.ofNanos(System.nanoTime() - registryDownSince);
                if (down.compareTo(settings.platformTimeout()) >= 0) {
                    throw failed(run.runKey(), "the region registry " + settings.registryUrl() + " failed for "
                            + down.toSeconds() + " s: " + unreachable.getMessage()
                            + "; launched children keep running, and restarting the dispatch follows them again");
                }
                log.warn("Dispatch {}: the region registry failed ({}); trying again", run.runKey(), unreachable.getMessage());
            }
            List<DispatchChild> children = dispatches.children(run.runKey());
            progress.report(children);
            if (children.stream().allMatch(c -> c.status().isEnded())) {
                return passedOrThrow(run.runKey(), children);
            }
            if (System.nanoTime() > deadline) {
                throw failed(run.runKey(), "children not ended within " + settings.timeout() + " ("
                        + progress.summary(children) + "); launched children keep running, and restarting the dispatch "
                        + "follows them again");
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    private List<DispatchChild> passedOrThrow(String runKey, List<DispatchChild> children) {
        List<String> failures = children.stream().filter(c -> c.status() == ChildStatus.FAILED)
                .map(c -> c.childRunKey() + " (" + c.from() + ".." + c.to() + "): " + c.message()).toList();
        if (failures.isEmpty()) {
            return children;
        }
        throw failed(runKey, failures.size() + " of " + children.size() + " child run(s) failed: " + String.join("; ", failures)
                + ". Restart the dispatch to retry them; the children that passed are not run again");
    }

    /** Records the dispatch FAILED with why, and returns the exception that fails the step. */
    private IllegalStateException failed(String runKey, String why) {
        dispatches.updateStatus(runKey, DispatchRecord.FAILED, why);
        runs.recordEvent(runKey, Phase.DISPATCH, "FAILED: " + why);
        return new IllegalStateException("Dispatch " + runKey + ": " + why);
    }

    private void advance(RunParameters run, DispatchChild child) {
        switch (child.status()) {
            case PLANNED -> accept(run, child);
            case QUEUED -> launchIfPlaced(run, child);
            case LAUNCHING -> recoverLaunch(child);
            case LAUNCHED -> follow(child);
            default -> {
                // PASSED and FAILED are ended
            }
        }
    }

    /** A new execution of the step (a restart) gives failed children another go. */
    private void retryFailed(String runKey) {
        for (DispatchChild child : dispatches.children(runKey)) {
            if (child.status() == ChildStatus.FAILED) {
                save(child.retried(), "child %s retried", child.childRunKey());
            }
        }
    }

    private void accept(RunParameters run, DispatchChild child) {
        Map<String, Object> payload = Map.of("childRunKey", child.childRunKey(), "from", child.from().toString(),
                "to", child.to().toString(), "definition", settings.childDefinition());
        Dispatch dispatch = registry.dispatch(run.runKey(), child.childRunKey(), payload, settings.slotsPerChild());
        if (dispatch.state() != DispatchState.ACCEPTED) {
            // the registry still holds this child's last attempt (ended, or launched before a crash)
            dispatch = registry.requeue(dispatch.id(), "retried by offstream-dispatch");
        }
        save(child.queued(dispatch.id(), "in the registry's queue, placement " + dispatch.placement()),
                "child %s (%s..%s) accepted by the registry as dispatch %d: %s", child.childRunKey(), child.from(), child.to(),
                dispatch.id(), dispatch.placement());
    }

    private void launchIfPlaced(RunParameters run, DispatchChild child) {
        Dispatch dispatch = registry.get(child.registryDispatchId());
        if (dispatch.state() != DispatchState.ACCEPTED) {
            dispatch = registry.requeue(dispatch.id(), "the ledger has child " + child.childRunKey() + " queued");
        }
        if (dispatch.region() == null) {
            return; // no region has room for it yet
        }
        RegionStatus region = registry.region(dispatch.region());
        DispatchChild launching = null;
        LaunchOutcome outcome;
        try {
            String definition = definitions.ensure(dataFlows.at(region.scdfUrl()), settings.childDefinition(), region.platformAccount());
            // recorded before SCDF is asked, so a restart after a crash here finds the execution by its launch id
            launching = child.launching(region.name(), region.platformAccount(), region.scdfUrl(), definition,
                    UUID.randomUUID().toString());
            dispatches.save(launching);
            outcome = tracker.launch(region.scdfUrl(), new LaunchRequest(definition, ChildLaunchProperties.of(run, child,
                    region.platformAccount(), region.kafkaBootstrap(), catalogue, settings.childProperties()),
                    List.of(launchArgument(launching))));
        }
        catch (DataFlowException | IllegalStateException failed) {
            outcome = LaunchOutcome.of(LaunchOutcome.Kind.FAILED, failed.getMessage());
        }
        switch (outcome.kind()) {
            case LAUNCHED -> recordLaunched(launching.launched(outcome.executionId()), dispatch);
            case FULL -> {
                registry.requeue(dispatch.id(), outcome.message());
                save(child.queued(dispatch.id(), outcome.message()), "child %s waits: region %s is full (%s)",
                        child.childRunKey(), region.name(), outcome.message());
            }
            default -> reroute(launchingOn(child, launching, region).launchFailed(outcome.message()), region.name());
        }
    }

    /**
     * A child left LAUNCHING by a dispatcher that stopped between SCDF's answer and the ledger: the
     * execution carrying its launch id is adopted, or, when SCDF has none, the child waits to be
     * launched again.
     */
    private void recoverLaunch(DispatchChild child) {
        Optional<Long> execution = dataFlows.at(child.scdfUrl()).findExecution(child.definition(), launchArgument(child));
        Dispatch dispatch = registry.get(child.registryDispatchId());
        if (execution.isPresent()) {
            recordLaunched(child.launched(execution.get()), dispatch);
            return;
        }
        if (dispatch.state() != DispatchState.ACCEPTED) {
            dispatch = registry.requeue(dispatch.id(), "its launch never reached " + child.region());
        }
        save(child.queued(dispatch.id(), "launch " + child.launchId() + " never reached " + child.region()),
                "child %s: its launch on region %s never reached SCDF; it waits to be launched again", child.childRunKey(),
                child.region());
    }

    private void recordLaunched(DispatchChild launched, Dispatch dispatch) {
        save(launched, "child %s launched on region %s (account %s) as %s, task execution %d, attempt %d",
                launched.childRunKey(), launched.region(), launched.platformAccount(), launched.definition(),
                launched.taskExecutionId(), launched.attempts());
        if (dispatch.state() == DispatchState.ACCEPTED) {
            registry.launched(dispatch.id());
        }
    }

    /** The child as it was when the launch failed: LAUNCHING on the region (counting the attempt) even if it failed before. */
    private static DispatchChild launchingOn(DispatchChild child, DispatchChild launching, RegionStatus region) {
        return launching != null ? launching
                : child.launching(region.name(), region.platformAccount(), region.scdfUrl(), null, null);
    }

    private static String launchArgument(DispatchChild child) {
        return "--offstream.dispatch.launch-id=" + child.launchId();
    }

    /** One look at a launched child through the tracker, and what its verdict means for the ledger and the registry. */
    private void follow(DispatchChild child) {
        ChildVerdict verdict = tracker.look(child);
        switch (verdict.kind()) {
            case RUNNING -> {
                // looked at again next round
            }
            case LOST -> reroute(child.lost(verdict.message()), child.region());
            case FAILED -> fail(child.ended(ChildStatus.FAILED, verdict.message()));
            default -> {
                Optional<String> notValidated = settings.requireValidation() ? validationProblem(child) : Optional.empty();
                if (notValidated.isPresent()) {
                    fail(child.ended(ChildStatus.FAILED, notValidated.get()));
                    return;
                }
                save(child.ended(ChildStatus.PASSED, verdict.message()), "child %s passed on region %s (%s)", child.childRunKey(),
                        child.region(), verdict.message());
                registry.done(child.registryDispatchId());
            }
        }
    }

    /** Its run's VALIDATE phase must be COMPLETED in the ledger: an exit code alone does not prove the counts. */
    private Optional<String> validationProblem(DispatchChild child) {
        Optional<PhaseRecord> validate = runs.phase(child.childRunKey(), Phase.VALIDATE);
        if (validate.isPresent() && validate.get().completed()) {
            return Optional.empty();
        }
        return Optional.of("run " + child.childRunKey() + " ended with exit code 0 but its VALIDATE phase is "
                + validate.map(v -> v.status() + " (" + v.message() + ")").orElse("not in the ledger"));
    }

    /** Back into the queue away from the region that failed it, unless it has had its launches. */
    private void reroute(DispatchChild child, String failedRegion) {
        if (child.attempts() >= settings.maxAttempts()) {
            fail(child.ended(ChildStatus.FAILED, "gave up after " + child.attempts() + " launch(es); last: " + child.message()));
            return;
        }
        registry.requeueAvoidingRegion(child.registryDispatchId(), child.message());
        save(child, "child %s re-routed away from region %s (attempt %d of %d): %s", child.childRunKey(), failedRegion,
                child.attempts(), settings.maxAttempts(), child.message());
    }

    private void fail(DispatchChild child) {
        save(child, "child %s FAILED: %s", child.childRunKey(), child.message());
        registry.failed(child.registryDispatchId(), child.message());
    }

    private void save(DispatchChild child, String event, Object... arguments) {
        dispatches.save(child);
        String line = String.format(event, arguments);
        runs.recordEvent(child.parentRunKey(), Phase.DISPATCH, line);
        if (child.status() == ChildStatus.FAILED) {
            log.error(line);
        }
        else {
            log.info(line);
        }
    }
}
