package io.offstream.tasks.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.tasks.validate.sort.KeySorter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules, on keys sorted the way a run's are (spilled, with a buffer small enough that every
 * source spills more than once), compared as sorted streams.
 */
class ReconciliationTests {

    private static final Set<String> ACCEPTED = keys(0, 100);

    /** Small enough that 100 keys spill to several files. */
    private static final long SMALL_BUFFER = 1024;

    @TempDir
    Path spill;

    @Test
    void everySourceRowExplainedPasses() throws IOException {
        ValidationReport report = reconcile(0, 105, 5, Set.of("k7", "k8"), landedExcept("k7", "k8"));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.deadLettered()).isEqualTo(2);
        assertThat(report.landedDistinct()).isEqualTo(98);
        assertThat(report.problems()).isEmpty();
        assertThat(report.service()).isEqualTo("risk");
        assertThat(report.keyFields()).containsExactly("txn_id");
    }

    @Test
    void aMissingKeyFailsAndIsNamed() throws IOException {
        ValidationReport report = reconcile(0, 105, 5, Set.of(), landedExcept("k42"));

        assertThat(report.passed()).isFalse();
        assertThat(report.missingKeys()).containsExactly("k42");
        assertThat(report.unexplained()).isEqualTo(1);
        assertThat(report.summary()).contains("k42").contains("unexplained 1");
    }

    @Test
    void aKeyAcceptedOnTwoDaysFailsNamingTheRepeatAndWhatToDo() throws IOException {
        List<String> onTopic = new ArrayList<>(ACCEPTED);
        onTopic.add("k9");

        ValidationReport report = reconcile(0, 106, 5, onTopic, Set.of(), new ArrayList<>(ACCEPTED), 20);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).contains("ingress accepted 101 rows but only 100 distinct keys: 1 row(s) repeat a key of"
                + " another day of the run, and a run lands one row per key (make the date part of the service's key, or run the"
                + " days separately)");
    }

    @Test
    void aKeyLandedTwiceFailsEvenWithToleratedLoss() throws IOException {
        List<String> landed = new ArrayList<>(ACCEPTED);
        landed.add("k3");

        ValidationReport report = reconcile(0.5, 105, 5, Set.of(), landed);

        assertThat(report.passed()).isFalse();
        assertThat(report.duplicateKeys()).containsExactly("k3");
    }

    @Test
    void lossWithinTheToleratedFractionPasses() throws IOException {
        assertThat(reconcile(0.01, 105, 5, Set.of(), landedExcept("k1")).passed()).isTrue();
        assertThat(reconcile(0.01, 105, 5, Set.of(), landedExcept("k1", "k2")).passed()).isFalse();
    }

    @Test
    void rejectedAndDeadLetteredRowsPassOnlyWithinTheirBudgets() throws IOException {
        // 105 source rows: 5 rejected (4.8%), 2 dead-lettered (1.9%), every row explained
        List<String> landed = landedExcept("k7", "k8");
        assertThat(reconcile(new ValidationBudgets(0.05, 0.02), 5, Set.of("k7", "k8"), landed).passed()).isTrue();

        ValidationReport overRejected = reconcile(new ValidationBudgets(0.04, 0.02), 5, Set.of("k7", "k8"), landed);
        assertThat(overRejected.passed()).isFalse();
        assertThat(overRejected.unexplained()).isZero();
        assertThat(overRejected.brokenBudgets()).containsExactly(
                "rejected 5 of 105 source rows (4.76%), above the budget offstream.validate.max-rejected-fraction=0.04");

        ValidationReport overDeadLettered = reconcile(new ValidationBudgets(0.05, 0), 5, Set.of("k7", "k8"), landed);
        assertThat(overDeadLettered.passed()).isFalse();
        assertThat(overDeadLettered.problems()).containsExactly(
                "dead-lettered 2 of 105 source rows (1.90%), above the budget offstream.validate.max-dead-lettered-fraction=0.0");
    }

    @Test
    void aRunThatDeadLettersEveryRowFailsUnderTheDefaultBudgets() throws IOException {
        ValidationReport report = reconcile(new ValidationBudgets(0.01, 0), 5, ACCEPTED, List.of());

        assertThat(report.unexplained()).as("every row is explained").isZero();
        assertThat(report.passed()).isFalse();
        assertThat(report.brokenBudgets()).hasSize(2);
    }

    @Test
    void aLandedKeyThatWasNeverAcceptedFails() throws IOException {
        List<String> landed = new ArrayList<>(landedExcept("k1"));
        landed.add("stranger");

        ValidationReport report = reconcile(0, 105, 5, Set.of(), landed);

        assertThat(report.passed()).isFalse();
        assertThat(report.unexpectedKeys()).containsExactly("stranger");
    }

    @Test
    void onlyTheFirstKeysInKeyOrderAreNamedButAllAreCounted() throws IOException {
        List<String> landed = landedExcept("k90", "k10", "k50", "k11");

        ValidationReport report = reconcile(0, 105, 5, Set.of(), landed, 2);

        assertThat(report.missingKeys()).containsExactly("k10", "k11");
        assertThat(report.problems()).contains("4 accepted keys neither landed nor dead-lettered, first: [k10, k11]");
    }

    @Test
    void landedRowsCountEveryDuplicateAndAcceptedKeysCountOnce() throws IOException {
        List<String> landed = new ArrayList<>(ACCEPTED);
        landed.addAll(List.of("k3", "k3", "k4"));

        ValidationReport report = reconcile(0, 105, 5, Set.of(), landed);

        assertThat(report.landedRows()).isEqualTo(103);
        assertThat(report.landedDistinct()).isEqualTo(100);
        assertThat(report.accepted()).isEqualTo(100);
        assertThat(report.duplicateKeys()).containsExactly("k3", "k4");
        assertThat(report.problems()).contains("2 keys landed more than once, first: [k3, k4]");
    }

    @Test
    void aDeadLetteredKeyThatAlsoLandedIsNotCountedAsDeadLettered() throws IOException {
        ValidationReport report = reconcile(0, 105, 5, Set.of("k7", "k8"), landedExcept("k7"));

        assertThat(report.deadLettered()).isEqualTo(1);
        assertThat(report.unexplained()).isEqualTo(0);
        assertThat(report.passed()).as(report.summary()).isTrue();
    }

    @Test
    void theSortedStreamsGiveWhatComparingSetsOfKeysGives() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Set<String> accepted = new HashSet<>();
            List<String> acceptedOnTopic = new ArrayList<>();
            Set<String> dlq = new HashSet<>();
            List<String> landed = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String key = "k" + random.nextInt(400);
                acceptedOnTopic.add(key);
                accepted.add(key);
                int fate = random.nextInt(20);
                if (fate == 0) {
                    dlq.add(key);
                }
                if (fate != 1) {
                    landed.add(key);
                }
                if (fate == 2) {
                    landed.add("stranger-" + random.nextInt(50));
                }
            }
            long source = accepted.size() + 3;

            ValidationReport report = reconcile(0, source, 3, acceptedOnTopic, dlq, landed, 5);

            Set<String> landedDistinct = new HashSet<>();
            TreeSet<String> duplicates = new TreeSet<>();
            landed.forEach(key -> {
                if (!landedDistinct.add(key)) {
                    duplicates.add(key);
                }
            });
            TreeSet<String> missing = accepted.stream().filter(k -> !landedDistinct.contains(k) && !dlq.contains(k))
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> unexpected = landedDistinct.stream().filter(k -> !accepted.contains(k))
                    .collect(Collectors.toCollection(TreeSet::new));
            long deadLettered = dlq.stream().filter(k -> !landedDistinct.contains(k)).count();
            assertThat(report.accepted()).isEqualTo(accepted.size());
            assertThat(report.landedRows()).isEqualTo(landed.size());
            assertThat(report.landedDistinct()).isEqualTo(landedDistinct.size());
            assertThat(report.deadLettered()).isEqualTo(deadLettered);
            assertThat(report.unexplained()).isEqualTo(source - (landedDistinct.size() - unexpected.size() + 3 + deadLettered));
            assertThat(report.missingKeys()).containsExactlyElementsOf(first(missing, 5));
            assertThat(report.duplicateKeys()).containsExactlyElementsOf(first(duplicates, 5));
            assertThat(report.unexpectedKeys()).containsExactlyElementsOf(first(unexpected, 5));
            assertThat(report.problems()).filteredOn(p -> p.contains("landed keys were never accepted"))
                    .containsExactlyElementsOf(unexpected.isEmpty() ? List.of() : List.of(String.format(
                            "%,d landed keys were never accepted, first: %s", unexpected.size(), first(unexpected, 5))));
        }
    }

    private ValidationReport reconcile(ValidationBudgets budgets, long rejected, Set<String> dlq, List<String> landed) throws IOException {
        try (KeySorter acceptedKeys = sorter("accepted", ACCEPTED); KeySorter dlqKeys = sorter("dead-lettered", dlq);
                KeySorter landedKeys = sorter("landed", landed)) {
            return new Reconciliation(0, budgets, 20).reconcile("r1", "risk", List.of("txn_id"), new RunEvidence(ACCEPTED.size() + rejected,
                    rejected, Map.of("NEGATIVE_AMOUNT", rejected), acceptedKeys.sorted(), dlqKeys.sorted(), landedKeys.sorted()));
        }
    }

    private ValidationReport reconcile(double tolerated, long source, long rejected, Set<String> dlq, List<String> landed) throws IOException {
        return reconcile(tolerated, source, rejected, dlq, landed, 20);
    }

    private ValidationReport reconcile(double tolerated, long source, long rejected, Set<String> dlq, List<String> landed, int keysToName)
            throws IOException {
        return reconcile(tolerated, source, rejected, ACCEPTED, dlq, landed, keysToName);
    }

    /** @param acceptedOnTopic the ingress topic's keys, a key as often as it was published */
    private ValidationReport reconcile(double tolerated, long source, long rejected, Collection<String> acceptedOnTopic, Set<String> dlq,
            List<String> landed, int keysToName) throws IOException {
        try (KeySorter acceptedKeys = sorter("accepted", acceptedOnTopic); KeySorter dlqKeys = sorter("dead-lettered", dlq);
                KeySorter landedKeys = sorter("landed", landed)) {
            return new Reconciliation(tolerated, keysToName).reconcile("r1", "risk", List.of("txn_id"),
                    new RunEvidence(source, rejected, Map.of("NEGATIVE_AMOUNT", rejected), acceptedKeys.sorted(), dlqKeys.sorted(),
                            landedKeys.sorted()));
        }
        finally {
            assertThat(spill).as("spill files left behind").isEmptyDirectory();
        }
    }

    private KeySorter sorter(String name, Collection<String> keys) throws IOException {
        KeySorter sorter = new KeySorter(spill, name, SMALL_BUFFER);
        for (String key : keys) {
            sorter.add(key);
        }
        return sorter;
    }

    private static List<String> landedExcept(String... missing) {
        Set<String> skip = Set.of(missing);
        return ACCEPTED.stream().filter(k -> !skip.contains(k)).sorted().toList();
    }

    private static List<String> first(TreeSet<String> keys, int n) {
        return keys.stream().limit(n).toList();
    }

    private static Set<String> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "k" + i).collect(Collectors.toSet());
    }
}
