package io.offstream.launcher.run;

import static io.offstream.launcher.run.FakeDataFlow.child;
import static io.offstream.launcher.run.FakeDataFlow.ended;
import static io.offstream.launcher.run.FakeDataFlow.running;
import static io.offstream.launcher.run.FakeDataFlow.unanswered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.offstream.launcher.LauncherException;

class RunFollowerTests {

    private static final String INGRESS_RUNNING = """
            {"current":{"phase":"INGRESS","status":"RUNNING","done":500,"total":1000,"ratePerSecond":100,"secondsLeft":5,"elapsedSeconds":5}}""";

    private final FakeDataFlow dataFlow = new FakeDataFlow();

    private final FakeTicker ticker = new FakeTicker();

    private final RecordingConsole out = new RecordingConsole();

    private final RunFollower follower = new RunFollower(dataFlow, out.console, ticker);

    @Test
    void printsEachPhaseChangeAndEachNewProgressLineOnce() {
        dataFlow.execution(7, running(7, "offstream-run"), running(7, "offstream-run"), running(7, "offstream-run"), ended(7, "offstream-run", 0))
                .recent(List.of(child(9, "offstream-run-ingress", 7, null, null), child(8, "offstream-run-plan", 7, 0, null),
                        child(5, "other", 4, null, null)))
                .recent(List.of(child(8, "offstream-run-plan", 7, 0, null), child(9, "offstream-run-ingress", 7, null, null)))
                .recent(List.of(child(8, "offstream-run-plan", 7, 0, null), child(9, "offstream-run-ingress", 7, 0, null)))
                .progress(INGRESS_RUNNING, INGRESS_RUNNING, null);

        var runner = follower.followComposed(7, "offstream-run", "r1", 0, 60);

        assertThat(runner.exitCode()).isZero();
        assertThat(out.lines()).containsExactly(
                "[offstream] phase plan: ended (exit 0)  [0s]",
                "[offstream] phase ingress: running  [0s]",
                "[offstream]   ingress running, 5s elapsed: 500 rows of 1,000, 100 rows/s, about 5s left",
                "[offstream] phase ingress: ended (exit 0)  [10s]");
        assertThat(ticker.slept).isEqualTo(15);
    }

    @Test
    void pollsTheServerDoesNotAnswerAreSkipped() {
        dataFlow.execution(3, unanswered(), unanswered(), ended(3, "offstream-run", 1));

        var runner = follower.followComposed(3, "offstream-run", "r1", 0, 60);

        assertThat(runner.exitCode()).isEqualTo(1);
        assertThat(ticker.now).isEqualTo(10);
    }

    @Test
    void givesUpAtTheTimeoutWithTheDefinitionsName() {
        dataFlow.execution(3, running(3, "offstream-simulate"));

        assertThatThrownBy(() -> follower.followComposed(3, "offstream-simulate", "r1", 0, 1)).isInstanceOf(LauncherException.class)
                .hasMessage("offstream-simulate did not end within 1 minutes");
        assertThat(ticker.now).isEqualTo(60);
    }

    @Test
    void theDispatcherIsFollowedByItsStampedProgressWithTheChildRunsEvent() {
        ticker.now = 100;
        dataFlow.execution(4, running(4, "offstream-multi-region"), running(4, "offstream-multi-region"), ended(4, "offstream-multi-region", 0))
                .progress("{\"current\":null,\"lastEvent\":\"r1-c1of2 launched on region-a\"}",
                        "{\"current\":{\"phase\":\"PLAN\",\"status\":\"RUNNING\",\"elapsedSeconds\":2,\"secondsLeft\":null},"
                                + "\"lastEvent\":\"r1-c2of2 launched on region-b\"}");

        follower.followDispatch(4, "r1", 95, 60);

        assertThat(out.lines()).containsExactly(
                "[offstream]   r1-c1of2 launched on region-a  [5s]",
                "[offstream]   plan running, 2s elapsed, about - left | r1-c2of2 launched on region-b  [10s]");
    }

    @Test
    void aShortTaskIsAwaitedEveryTwoSeconds() {
        dataFlow.execution(1, running(1, "s"), unanswered(), running(1, "s"), ended(1, "s", 0));

        assertThat(follower.awaitEnd(1).succeeded()).isTrue();
        assertThat(ticker.slept).isEqualTo(6);
    }
}
