package io.offstream.consumer.core.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTests {

    private final TopicPartition p0 = new TopicPartition("offstream.risk.r1.ingress", 0);

    private final TopicPartition p1 = new TopicPartition("offstream.risk.r1.ingress", 1);

    @Test
    void commitsOnlyContiguousCompletedOffsets() {
        OffsetTracker tracker = new OffsetTracker();
        for (long o = 10; o < 15; o++) {
            tracker.register(p0, o);
        }
        tracker.complete(p0, 11);
        tracker.complete(p0, 12);
        assertThat(tracker.committable()).doesNotContainKey(p0);
        tracker.complete(p0, 10);
        assertThat(tracker.committable()).containsEntry(p0, 13L);
        tracker.complete(p0, 14);
        assertThat(tracker.committable()).containsEntry(p0, 13L);
        tracker.complete(p0, 13);
        assertThat(tracker.committable()).containsEntry(p0, 15L);
        assertThat(tracker.isDrained(p0)).isTrue();
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void skipsGapsBetweenRegisteredOffsets() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.register(p0, 3);
        tracker.register(p0, 7);
        tracker.complete(p0, 7);
        assertThat(tracker.committable()).isEmpty();
        tracker.complete(p0, 3);
        assertThat(tracker.committable()).containsEntry(p0, 8L);
    }

    @Test
    void keepsPartitionsApart() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.register(p0, 0);
        tracker.register(p1, 0);
        tracker.register(p1, 1);
        tracker.complete(p1, 0);
        assertThat(tracker.committable()).containsOnlyKeys(p1).containsEntry(p1, 1L);
        assertThat(tracker.pending()).isEqualTo(2);
        assertThat(tracker.isDrained(p0)).isFalse();
    }

    @Test
    void commitsThroughTheLastRecordOfEachContiguousRunOnceInOffsetOrder() {
        OffsetTracker tracker = new OffsetTracker();
        List<Long> commits = new java.util.ArrayList<>();
        for (long o = 0; o < 4; o++) {
            long offset = o;
            tracker.register(p0, offset, () -> commits.add(offset));
        }
        tracker.complete(p0, 2);
        tracker.complete(p0, 1);
        assertThat(commits).isEmpty();
        tracker.complete(p0, 0);
        assertThat(commits).containsExactly(2L);
        tracker.complete(p0, 3);
        assertThat(commits).containsExactly(2L, 3L);
    }

    @Test
    void ignoresCompletionsOfForgottenPartitionsAndDuplicates() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.register(p0, 0);
        tracker.complete(p0, 0);
        tracker.complete(p0, 0);
        assertThat(tracker.committable()).containsEntry(p0, 1L);
        tracker.register(p1, 5);
        tracker.forget(List.of(p1));
        tracker.complete(p1, 5);
        assertThat(tracker.committable()).doesNotContainKey(p1);
        assertThat(tracker.isDrained(p1)).isFalse();
    }
}
