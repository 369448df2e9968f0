package io.offstream.tasks.dispatch.supervise;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.dataflow.client.ChildFollower;
import io.offstream.dataflow.client.ChildWatch;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.Observation;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.tasks.dispatch.scdf.RegionDataFlows;
import io.offstream.tasks.support.ledger.DispatchChild;

/**
 * The SCDF side of the dispatcher's children: launches one on a region and judges each look at a
 * launched one, through the shared client and {@link ChildWatch} (silence, lost processes). What
 * to do with the verdict (ledger, registry, re-routing) is {@link ChildSupervisor}'s.
 */
public class RegionChildTracker {

    private static final Logger log = LoggerFactory.getLogger(RegionChildTracker.class);

    private final RegionDataFlows dataFlows;

    private final FollowSettings settings;

    /** One watch per child and task execution, for this execution of the step. */
    private final Map<String, ChildWatch> watches = new ConcurrentHashMap<>();

    public RegionChildTracker(RegionDataFlows dataFlows, FollowSettings settings) {
        this.dataFlows = dataFlows;
        this.settings = settings;
    }

    /** Launches on the region's SCDF; a refusal or no answer is an outcome, not an exception. */
    public LaunchOutcome launch(String scdfUrl, LaunchRequest request) {
        DataFlowOperations scdf = dataFlows.at(scdfUrl);
        try {
            return LaunchOutcome.launched(scdf.launch(request));
        }
        catch (DataFlowRefusedException refused) {
            String message = "SCDF " + scdf.server() + " refused to launch " + request.definitionName() + " on "
                    + request.properties().get(LaunchRequest.PLATFORM_PROPERTY) + " (" + refused.status() + "): "
                    + refused.scdfMessage();
            return LaunchOutcome.of(refused.platformFull() ? LaunchOutcome.Kind.FULL : LaunchOutcome.Kind.FAILED, message);
        }
        catch (DataFlowUnreachableException unreachable) {
            return LaunchOutcome.of(LaunchOutcome.Kind.FAILED, unreachable.getMessage());
        }
    }

    /** One look at a launched child. */
    public ChildVerdict look(DispatchChild child) {
        String key = child.childRunKey() + "#" + child.taskExecutionId();
        ChildWatch watch = watches.computeIfAbsent(key, k -> new ChildFollower(dataFlows.at(child.scdfUrl()), settings)
                .watch(child.taskExecutionId(), "child " + child.childRunKey()));
        Observation seen;
        try {
            seen = watch.check();
        }
        catch (DataFlowRefusedException refused) {
            watches.remove(key);
            return ChildVerdict.of(ChildVerdict.Kind.LOST, "region " + child.region() + " answered " + refused.status()
                    + " for task execution " + child.taskExecutionId() + ": " + refused.scdfMessage());
        }
        switch (seen.kind()) {
            case RUNNING:
                return ChildVerdict.running();
            case SILENT:
                log.warn("Child {}: region {} does not answer for {} s: {}", child.childRunKey(), child.region(),
                        seen.silentFor().toSeconds(), seen.lastError().getMessage());
                return ChildVerdict.running();
            case UNREACHABLE:
                watches.remove(key);
                return ChildVerdict.of(ChildVerdict.Kind.LOST, "region " + child.region() + " did not answer for "
                        + seen.silentFor().toSeconds() + " s: " + seen.lastError().getMessage());
            case LOST:
                watches.remove(key);
                return ChildVerdict.of(ChildVerdict.Kind.LOST, "region " + child.region() + " lost its process: the launcher says "
                        + seen.detail() + " and task execution " + child.taskExecutionId() + " recorded no end");
            default:
                watches.remove(key);
                return ended(child, seen.state());
        }
    }

    private static ChildVerdict ended(DispatchChild child, TaskExecutionState state) {
        if (state.succeeded()) {
            return ChildVerdict.of(ChildVerdict.Kind.PASSED, state.describe());
        }
        if (state.lostByPlatform()) {
            return ChildVerdict.of(ChildVerdict.Kind.LOST, "region " + child.region() + " lost it: " + state.describe());
        }
        return ChildVerdict.of(ChildVerdict.Kind.FAILED, (state.stopped() ? "stopped: " : "failed: ") + state.describe());
    }
}
