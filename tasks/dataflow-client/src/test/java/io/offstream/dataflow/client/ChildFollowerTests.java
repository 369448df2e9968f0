package io.offstream.dataflow.client;

import static io.offstream.dataflow.client.FakeDataFlow.ended;
import static io.offstream.dataflow.client.FakeDataFlow.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ChildFollowerTests {

    private static final Duration TICK = Duration.ofMillis(10);

    private final FakeDataFlow scdf = new FakeDataFlow();

    private ChildFollower follower(Duration maxWait, Duration silenceLimit, Duration grace) {
        return new ChildFollower(scdf, FollowSettings.of(TICK, maxWait, silenceLimit, grace));
    }

    @Test
    void awaitEndReturnsTheEndedStateWhateverItsExitCode() {
        scdf.onExecution(() -> running(1)).onExecution(() -> running(1)).onExecution(() -> ended(1, 3, "BAD"));

        TaskExecutionState state = follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).awaitEnd(1, "child a", () -> false);

        assertThat(state.exitCode()).isEqualTo(3);
        assertThat(state.exitMessage()).isEqualTo("BAD");
    }

    @Test
    void aProcessGoneWithoutAnEndForTheGraceIsLost() {
        scdf.onExecution(() -> running(2)).onProcess(() -> Optional.of(new ProcessState(2, false, "failed", true)));

        assertThatThrownBy(() -> follower(null, Duration.ofSeconds(5), Duration.ofMillis(50)).awaitEnd(2, "child b", () -> false))
                .isInstanceOf(ChildLostException.class).hasMessageContaining("launcher state failed");
    }

    @Test
    void aProcessGoneWhoseEndArrivesWithinTheGraceIsNotLost() {
        scdf.onExecution(() -> running(3)).onExecution(() -> ended(3, 0, "COMPLETED"))
                .onProcess(() -> Optional.of(new ProcessState(3, false, "complete", true)));

        assertThat(follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).awaitEnd(3, "child c", () -> false).succeeded()).isTrue();
    }

    @Test
    void anEndTheServerRecordedAsLostIsLost() {
        scdf.onExecution(() -> ended(4, TaskExecutionState.LOST_EXIT_CODE, TaskExecutionState.LOST_EXIT_MESSAGE));

        assertThatThrownBy(() -> follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).awaitEnd(4, "child d", () -> false))
                .isInstanceOf(ChildLostException.class).hasMessageContaining("recorded it LOST");
    }

    @Test
    void aServerSilentForLongerThanTheLimitIsUnreachable() {
        scdf.onExecution(() -> {
            throw new DataFlowUnreachableException("connection refused", null);
        });

        assertThatThrownBy(() -> follower(null, Duration.ofMillis(60), Duration.ofSeconds(5)).awaitEnd(5, "child e", () -> false))
                .isInstanceOfSatisfying(ServerSilentException.class, silent -> {
                    assertThat(silent.getMessage()).contains("gave no usable answer about child e").contains("connection refused");
                    assertThat(silent.silentFor()).isGreaterThan(Duration.ofMillis(60));
                    assertThat(silent.lastErrorReason()).isEqualTo("connection refused");
                });
    }

    @Test
    void aShortSilenceOrA5xxIsWaitedOut() {
        scdf.onExecution(() -> {
            throw new DataFlowUnreachableException("connection refused", null);
        }).onExecution(() -> {
            throw new DataFlowRefusedException("busy", 503, "busy");
        }).onExecution(() -> ended(6, 0, "COMPLETED"));

        assertThat(follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).awaitEnd(6, "child f", () -> false).succeeded()).isTrue();
    }

    @Test
    void a4xxIsThrownAtOnce() {
        scdf.onExecution(() -> {
            throw new DataFlowNotFoundException("no execution 7", "no execution 7");
        });

        assertThatThrownBy(() -> follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).awaitEnd(7, "child g", () -> false))
                .isInstanceOf(DataFlowNotFoundException.class);
    }

    @Test
    void aChildNotEndedWithinMaxWaitIsStoppedAndTimesOut() {
        scdf.onExecution(() -> running(8));

        assertThatThrownBy(() -> follower(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .awaitEnd(8, "child h", () -> false)).isInstanceOf(FollowTimeoutException.class);
        assertThat(scdf.stopped).containsExactly(8L);
    }

    @Test
    void aStopRequestEndsTheWaitAndLeavesTheChildAlone() {
        scdf.onExecution(() -> running(9));
        AtomicInteger looks = new AtomicInteger();

        assertThatThrownBy(() -> follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5))
                .awaitEnd(9, "child i", () -> looks.incrementAndGet() > 3)).isInstanceOf(FollowStoppedException.class);
        assertThat(scdf.stopped).isEmpty();
    }

    @Test
    void aWatchReportsSilenceThenUnreachableWithoutBlocking() throws InterruptedException {
        scdf.onExecution(() -> {
            throw new DataFlowUnreachableException("down", null);
        });
        ChildWatch watch = follower(null, Duration.ofMillis(30), Duration.ofSeconds(5)).watch(10, "child j");

        assertThat(watch.check().kind()).isEqualTo(Observation.Kind.SILENT);
        Thread.sleep(50);
        assertThat(watch.check().kind()).isEqualTo(Observation.Kind.UNREACHABLE);
    }

    @Test
    void answeredRetriesASilentCallUntilItAnswers() {
        AtomicInteger calls = new AtomicInteger();

        long answer = follower(null, Duration.ofSeconds(5), Duration.ofSeconds(5)).answered("the launch", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new DataFlowUnreachableException("down", null);
            }
            return 42L;
        }, () -> false);

        assertThat(answer).isEqualTo(42L);
        assertThat(calls).hasValue(3);
    }
}
