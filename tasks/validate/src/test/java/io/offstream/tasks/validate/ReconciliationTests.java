package io.offstream.tasks.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests {

    private static final Set<String> ACCEPTED = keys(0, 100);

    @Test
    void everySourceRowExplainedPasses() {
        ValidationReport report = reconcile(0, 105, 5, Set.of("k7", "k8"), landedExcept("k7", "k8"));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.deadLettered()).isEqualTo(2);
        assertThat(report.landedDistinct()).isEqualTo(98);
        assertThat(report.problems()).isEmpty();
        assertThat(report.service()).isEqualTo("risk");
        assertThat(report.keyFields()).containsExactly("txn_id");
    }

    @Test
    void aMissingKeyFailsAndIsNamed() {
        ValidationReport report = reconcile(0, 105, 5, Set.of(), landedExcept("k42"));

        assertThat(report.passed()).isFalse();
        assertThat(report.missingKeys()).containsExactly("k42");
        assertThat(report.unexplained()).isEqualTo(1);
        assertThat(report.summary()).contains("k42").contains("unexplained 1");
    }

    @Test
    void aKeyLandedTwiceFailsEvenWithToleratedLoss() {
        List<String> landed = new ArrayList<>(ACCEPTED);
        landed.add("k3");

        ValidationReport report = reconcile(0.5, 105, 5, Set.of(), landed);

        assertThat(report.passed()).isFalse();
        assertThat(report.duplicateKeys()).containsExactly("k3");
    }

    @Test
    void lossWithinTheToleratedFractionPasses() {
        assertThat(reconcile(0.01, 105, 5, Set.of(), landedExcept("k1")).passed()).isTrue();
        assertThat(reconcile(0.01, 105, 5, Set.of(), landedExcept("k1", "k2")).passed()).isFalse();
    }

    @Test
    void aLandedKeyThatWasNeverAcceptedFails() {
        List<String> landed = new ArrayList<>(landedExcept("k1"));
        landed.add("stranger");

        ValidationReport report = reconcile(0, 105, 5, Set.of(), landed);

        assertThat(report.passed()).isFalse();
        assertThat(report.unexpectedKeys()).containsExactly("stranger");
    }

    private static ValidationReport reconcile(double tolerated, long source, long rejected, Set<String> dlq, List<String> landed) {
        return new Reconciliation(tolerated, 20).reconcile("r1", "risk", List.of("txn_id"),
                new RunEvidence(source, rejected, Map.of("NEGATIVE_AMOUNT", rejected), ACCEPTED, dlq, landed));
    }

    private static List<String> landedExcept(String... missing) {
        Set<String> skip = Set.of(missing);
        return ACCEPTED.stream().filter(k -> !skip.contains(k)).sorted().toList();
    }

    private static Set<String> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "k" + i).collect(Collectors.toSet());
    }
}
