package io.offstream.consumer.core.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeliveredBatchesTests {

    private final DeliveredBatches batches = new DeliveredBatches();

    private final List<String> commits = new ArrayList<>();

    @Test
    void commitsABatchOnlyWhenItAndEveryEarlierBatchAreDone() {
        DeliveredBatches.Batch first = batches.deliver(2, () -> commits.add("first"));
        DeliveredBatches.Batch second = batches.deliver(1, () -> commits.add("second"));
        assertThat(batches.uncommitted()).isEqualTo(3);

        assertThat(batches.complete(second)).isFalse();
        assertThat(commits).isEmpty(); // done, but behind an unfinished batch
        assertThat(batches.complete(first)).isFalse();
        assertThat(commits).isEmpty();
        assertThat(batches.complete(first)).isTrue(); // the pipeline re-checks its pause only then
        assertThat(commits).containsExactly("first", "second");
        assertThat(batches.uncommitted()).isZero();
    }

    @Test
    void waitsForTheBatchesDeliveredBeforeAMark() throws Exception {
        DeliveredBatches.Batch first = batches.deliver(1, () -> commits.add("first"));
        long mark = batches.delivered();
        batches.deliver(1, () -> commits.add("later"));

        assertThat(batches.awaitCommitted(mark, 10)).isFalse();
        new Thread(() -> batches.complete(first)).start();
        assertThat(batches.awaitCommitted(mark, 5_000)).isTrue();
        assertThat(commits).containsExactly("first");
    }

    @Test
    void refusesMoreCompletionsThanRecords() {
        DeliveredBatches.Batch one = batches.deliver(1, () -> { });
        batches.complete(one);
        assertThatThrownBy(() -> batches.complete(one)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> batches.deliver(0, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
