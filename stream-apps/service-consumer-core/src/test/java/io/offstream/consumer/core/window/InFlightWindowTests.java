package io.offstream.consumer.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InFlightWindowTests {

    /** Runs tasks when told to, so the test controls completion order. */
    private final List<Runnable> started = new ArrayList<>();

    private final InFlightWindow window = new InFlightWindow(3, started::add);

    @Test
    void neverAdmitsMoreThanItsCapacity() {
        window.admit("a", () -> { });
        window.admit("b", () -> { });
        window.admit("c", () -> { });
        assertThat(window.hasRoom()).isFalse();
        assertThatThrownBy(() -> window.admit("d", () -> { })).isInstanceOf(IllegalStateException.class);
        window.complete("b");
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.highWaterMark()).isEqualTo(3);
    }

    @Test
    void runsRecordsOfOneKeyOneAfterTheOtherInAdmissionOrder() {
        List<String> ran = new ArrayList<>();
        window.admit("k", () -> ran.add("k1"));
        window.admit("other", () -> ran.add("o1"));
        window.admit("k", () -> ran.add("k2"));
        assertThat(started).hasSize(2); // k2 waits behind k1
        started.forEach(Runnable::run);
        assertThat(ran).containsExactly("k1", "o1");
        window.complete("k");
        assertThat(started).hasSize(3);
        started.get(2).run();
        assertThat(ran).containsExactly("k1", "o1", "k2");
        assertThat(window.inFlight()).isEqualTo(2);
    }

    @Test
    void aKeysLaneIsFreeAgainOnceItsLastRecordCompletes() {
        window.admit("k", () -> { });
        window.complete("k"); // no record of k waited: the lane is free
        window.admit("k", () -> { });
        window.admit("k", () -> { }); // waits
        assertThat(started).hasSize(2);
        window.complete("k");
        assertThat(started).hasSize(3); // the waiting one started; its lane stays busy
        window.admit("k", () -> { });
        assertThat(started).hasSize(3);
        window.complete("k");
        assertThat(started).hasSize(4); // the one that waited behind it
        window.complete("k"); // the last of k: the lane is free
        window.admit("k", () -> { });
        assertThat(started).hasSize(5);
        assertThat(window.inFlight()).isEqualTo(1);
    }

    @Test
    void startsOnTheExecutorTheCallerNames() {
        List<Runnable> here = new ArrayList<>();
        window.admit("k", () -> { }, here::add);
        window.admit("k", () -> { }, here::add); // waits in k's lane
        assertThat(here).hasSize(1);
        window.complete("k", here::add);
        assertThat(here).hasSize(2);
        assertThat(started).isEmpty();
    }

    @Test
    void recordsWithoutKeyHaveNoLane() {
        window.admit(null, () -> { });
        window.admit(null, () -> { });
        assertThat(started).hasSize(2);
        window.complete(null);
        window.complete(null);
        assertThat(window.inFlight()).isZero();
    }
}
