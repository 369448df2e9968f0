package io.offstream.tasks.sample;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.offstream.contract.coerce.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generators plant rows for ingress's reject reasons, taken from ingress's own list: a reason
 * added to {@link RejectReason} fails here until the orders dataset plants it (or it is named
 * below as one a warehouse row cannot show).
 */
class BadRowReasonsTests {

    /** A request too large for the producer depends on the broker's limit, not on a row's values alone. */
    private static final Set<RejectReason> NOT_PLANTABLE = EnumSet.of(RejectReason.RECORD_TOO_LARGE);

    @Test
    void theOrdersDatasetPlantsEveryReasonARowCanShowOnce() {
        assertThat(Arrays.stream(OrdersBadRowKind.values()).map(OrdersBadRowKind::reason))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(NOT_PLANTABLE)));
    }

    @Test
    void theTransactionsDatasetPlantsEightReasonsWithNineKinds() {
        Set<RejectReason> reasons = Arrays.stream(BadRowKind.values()).map(BadRowKind::reason).collect(Collectors.toSet());
        assertThat(BadRowKind.values()).hasSize(9);
        assertThat(reasons).hasSize(8).doesNotContainAnyElementsOf(NOT_PLANTABLE);
    }
}
