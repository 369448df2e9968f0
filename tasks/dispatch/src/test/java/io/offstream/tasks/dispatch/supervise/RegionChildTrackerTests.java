package io.offstream.tasks.dispatch.supervise;

import static io.offstream.dataflow.client.FakeDataFlow.CHILD_ID;
import static io.offstream.dataflow.client.FakeDataFlow.ended;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.offstream.dataflow.client.FakeDataFlow;
import io.offstream.dataflow.client.DataFlowNotFoundException;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.ProcessState;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.tasks.dispatch.scdf.RegionDataFlows;
import io.offstream.tasks.support.ledger.DispatchChild;

/** The dispatcher's verdicts on its children's launches and looks, over a hand-written SCDF. */
class RegionChildTrackerTests {

    private static final Duration TICK = Duration.ofMillis(10);

    private final FakeDataFlow fake = new FakeDataFlow();

    private final DispatchChild child = DispatchChild.planned("run", 0, "run-c0", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))
            .launching("region-a", "region-a", "http://127.0.0.1:9393", "offstream-run-region-a", "launch-1").launched(CHILD_ID);

    private final LaunchRequest launch = new LaunchRequest("offstream-run-region-a",
            Map.of(LaunchRequest.PLATFORM_PROPERTY, "region-a"), List.of("--offstream.dispatch.launch-id=launch-1"));

    private RegionChildTracker tracker(Duration platformTimeout, Duration grace) {
        return new RegionChildTracker(new RegionDataFlows(url -> fake), FollowSettings.of(TICK, null, platformTimeout, grace));
    }

    @Test
    void aLaunchSCDFAcceptsGivesItsExecutionId() {
        fake.onLaunch(() -> CHILD_ID);

        assertThat(tracker(Duration.ofMinutes(1), Duration.ofSeconds(10)).launch("http://127.0.0.1:9393", launch))
                .isEqualTo(LaunchOutcome.launched(CHILD_ID));
    }

    @Test
    void aFullPlatformMakesTheChildWaitRatherThanFail() {
        fake.onLaunch(() -> {
            throw new DataFlowRefusedException("full", 500, "The maximum concurrent task executions for platform region-a is at its limit [2].");
        });

        LaunchOutcome outcome = tracker(Duration.ofMinutes(1), Duration.ofSeconds(10)).launch("http://127.0.0.1:9393", launch);

        assertThat(outcome.kind()).isEqualTo(LaunchOutcome.Kind.FULL);
        assertThat(outcome.message()).contains("on region-a (500)").contains("maximum concurrent task executions");
    }

    @Test
    void anotherRefusalOrNoAnswerFailsTheLaunchOnThatRegion() {
        fake.onLaunch(() -> {
            throw new DataFlowRefusedException("bad", 400, "Could not find task definition named offstream-run-region-a");
        }).onLaunch(() -> {
            throw new DataFlowUnreachableException("SCDF http://127.0.0.1:9393 did not answer POST /tasks/executions", null);
        });
        RegionChildTracker tracker = tracker(Duration.ofMinutes(1), Duration.ofSeconds(10));

        LaunchOutcome refused = tracker.launch("http://127.0.0.1:9393", launch);
        LaunchOutcome unanswered = tracker.launch("http://127.0.0.1:9393", launch);

        assertThat(refused.kind()).isEqualTo(LaunchOutcome.Kind.FAILED);
        assertThat(refused.message()).contains("(400): Could not find task definition named offstream-run-region-a");
        assertThat(unanswered.kind()).isEqualTo(LaunchOutcome.Kind.FAILED);
        assertThat(unanswered.message()).contains("did not answer");
    }

    @Test
    void aRunningChildRunsAndOneWithExitCodeZeroPassed() {
        fake.onExecution(FakeDataFlow::running).onExecution(() -> ended(0));
        RegionChildTracker tracker = tracker(Duration.ofMinutes(1), Duration.ofSeconds(10));

        assertThat(tracker.look(child).kind()).isEqualTo(ChildVerdict.Kind.RUNNING);
        assertThat(tracker.look(child)).isEqualTo(ChildVerdict.of(ChildVerdict.Kind.PASSED, "task execution 42 exited 0 (COMPLETED)"));
    }

    @Test
    void failedWorkOrAUsersStopFailsTheChildWithoutReRouting() {
        fake.onExecution(() -> ended(1)).onExecution(() -> new TaskExecutionState(CHILD_ID, true, 143, "STOPPED", null));
        RegionChildTracker tracker = tracker(Duration.ofMinutes(1), Duration.ofSeconds(10));

        assertThat(tracker.look(child)).isEqualTo(ChildVerdict.of(ChildVerdict.Kind.FAILED, "failed: task execution 42 exited 1 (FAILED)"));
        assertThat(tracker.look(child)).isEqualTo(ChildVerdict.of(ChildVerdict.Kind.FAILED, "stopped: task execution 42 exited 143 (STOPPED)"));
    }

    @Test
    void aChildKilledByASignalIsLostByItsRegion() {
        fake.onExecution(() -> new TaskExecutionState(CHILD_ID, true, 137, null, null));

        assertThat(tracker(Duration.ofMinutes(1), Duration.ofSeconds(10)).look(child))
                .isEqualTo(ChildVerdict.of(ChildVerdict.Kind.LOST, "region region-a lost it: task execution 42 exited 137"));
    }

    @Test
    void aProcessGoneWithoutAnEndPastTheGraceIsLost() throws InterruptedException {
        fake.onExecution(FakeDataFlow::running).onProcess(() -> Optional.of(new ProcessState(CHILD_ID, false, "failed", true)));
        RegionChildTracker tracker = tracker(Duration.ofMinutes(1), Duration.ofMillis(50));

        assertThat(tracker.look(child).kind()).isEqualTo(ChildVerdict.Kind.RUNNING);
        Thread.sleep(80);
        assertThat(tracker.look(child)).isEqualTo(ChildVerdict.of(ChildVerdict.Kind.LOST,
                "region region-a lost its process: the launcher says failed and task execution 42 recorded no end"));
    }

    @Test
    void aRegionSilentPastPlatformTimeoutLosesTheChild() throws InterruptedException {
        fake.onExecution(() -> {
            throw new DataFlowUnreachableException("SCDF did not answer GET /tasks/executions/42", null);
        });
        RegionChildTracker tracker = tracker(Duration.ofMillis(50), Duration.ofSeconds(10));

        assertThat(tracker.look(child).kind()).isEqualTo(ChildVerdict.Kind.RUNNING);
        Thread.sleep(80);
        ChildVerdict verdict = tracker.look(child);
        assertThat(verdict.kind()).isEqualTo(ChildVerdict.Kind.LOST);
        assertThat(verdict.message()).startsWith("region region-a did not answer for").contains("GET /tasks/executions/42");
    }

    @Test
    void anExecutionTheRegionNoLongerKnowsIsLost() {
        fake.onExecution(() -> {
            throw new DataFlowNotFoundException("404", "Could not find TaskExecution with id 42");
        });

        assertThat(tracker(Duration.ofMinutes(1), Duration.ofSeconds(10)).look(child)).isEqualTo(ChildVerdict.of(
                ChildVerdict.Kind.LOST, "region region-a answered 404 for task execution 42: Could not find TaskExecution with id 42"));
    }
}
