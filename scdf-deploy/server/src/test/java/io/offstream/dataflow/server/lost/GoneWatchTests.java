package io.offstream.dataflow.server.lost;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoneWatchTests {

    private final AtomicLong now = new AtomicLong();

    private final GoneWatch watch = new GoneWatch(now::get);

    @Test
    void countsFromTheFirstSighting() {
        assertThat(watch.seenGone("boot2/7")).isZero();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(watch.seenGone("boot2/7")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aProcessSeenAliveInBetweenStartsOver() {
        watch.seenGone("boot2/7");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        watch.keepOnly(Set.of());
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(watch.seenGone("boot2/7")).isZero();
    }

    @Test
    void othersKeepTheirSightings() {
        watch.seenGone("boot2/7");
        watch.seenGone("boot3/7");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        watch.keepOnly(Set.of("boot3/7"));
        watch.forget("boot2/7");
        assertThat(watch.seenGone("boot3/7")).isEqualTo(Duration.ofSeconds(10));
        assertThat(watch.seenGone("boot2/7")).isZero();
    }
}
