package io.offstream.tasks.diff.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.contract.jobs.DiffJobResult;
import io.offstream.contract.layout.RunLayout;
import io.offstream.tasks.diff.spark.DiffLandings.Expected;
import io.offstream.tasks.diff.spark.DiffLandings.Key;

/**
 * The diff job in a local Spark over two landings of 400 keys ({@link DiffLandings}), every count of
 * {@code summary.json} and every row of {@code changed/} checked against the same comparison done in
 * plain Java.
 */
class DiffSparkJobTests {

    private static final int SAMPLE = 7;

    @TempDir
    static Path scratch;

    private static SparkSession spark;
    private static RunLayout baseline;
    private static RunLayout candidate;
    private static Expected expected;
    private static DiffJobResult result;
    private static JsonNode summary;

    @BeforeAll
    static void diffTwoLandings() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("diff").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        URI landing = scratch.resolve("landing").toUri();
        baseline = new RunLayout(landing, "risk", "sim-1");
        candidate = new RunLayout(landing, "risk-v2", "sim-1");
        DiffLandings landings = new DiffLandings(400);
        landings.write(spark, baseline.runDirectory().toString(), candidate.runDirectory().toString());
        expected = new Expected(landings);
        result = DiffSparkJob.run(spark, options(baseline.runDirectory(), candidate.runDirectory(), SAMPLE));
        summary = new ObjectMapper().readTree(Path.of(baseline.diffDirectory()).resolve("summary.json").toFile());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void countsEveryKeyAsAPlainJavaComparisonDoes() {
        assertThat(expected.count("changed")).as("the landings have every kind of key").isGreaterThan(50);
        assertThat(expected.count("only_a")).isPositive();
        assertThat(expected.count("only_b")).isGreaterThan(10);
        assertThat(expected.count("identical")).isGreaterThan(50);
        assertThat(summary.path("identical").asLong()).isEqualTo(expected.count("identical"));
        assertThat(summary.path("changed").asLong()).isEqualTo(expected.count("changed"));
        assertThat(summary.path("onlyA").asLong()).isEqualTo(expected.count("only_a"));
        assertThat(summary.path("onlyB").asLong()).isEqualTo(expected.count("only_b"));
        assertThat(summary.path("rowsA").asLong()).isEqualTo(expected.a.size());
        assertThat(summary.path("rowsB").asLong()).isEqualTo(expected.b.size());
        assertThat(List.of(result.identical(), result.changed(), result.onlyA(), result.onlyB(), result.rowsA(), result.rowsB()))
                .containsExactly(expected.count("identical"), expected.count("changed"), expected.count("only_a"), expected.count("only_b"),
                        (long) expected.a.size(), (long) expected.b.size());
        assertThat(summary.path("landingA").asText()).isEqualTo(baseline.runDirectory().toString());
        assertThat(summary.path("landingB").asText()).isEqualTo(candidate.runDirectory().toString());
        assertThat(summary.path("keyFields").toString()).isEqualTo("[\"txn_id\",\"line_no\"]");
        assertThat(summary.path("changedRows").asText()).isEqualTo(baseline.diffDirectory() + "changed/");
    }

    @Test
    void countsTheKeysThatDifferInEachComparedFieldAndNothingIgnored() {
        Map<String, Long> fields = new LinkedHashMap<>();
        summary.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asLong()));
        assertThat(fields).containsExactlyEntriesOf(expected.byField);
        assertThat(fields.values()).allMatch(n -> n > 0);
        assertThat(result.changedByField()).isEqualTo(new java.util.TreeMap<>(expected.byField));
        assertThat(summary.path("ignored").toString()).isEqualTo("[\"service_version\"]");
        assertThat(summary.path("notCompared").path("channel").asText()).isEqualTo("int in A, string in B");
        assertThat(summary.path("notCompared").path("explanation").asText()).isEqualTo("only in B");
        assertThat(summary.path("notCompared").size()).isEqualTo(2);
    }

    @Test
    void summarisesBMinusAOfEachNumericFieldOverTheKeysBothHaveAValueFor() {
        assertThat(summary.path("numeric").size()).isEqualTo(DiffLandings.NUMERIC.size());
        for (String field : DiffLandings.NUMERIC) {
            List<BigDecimal> deltas = expected.deltas.get(field);
            JsonNode numeric = summary.path("numeric").path(field);
            BigDecimal sum = deltas.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(numeric.path("keys").asLong()).as(field).isEqualTo(deltas.size());
            assertThat(numeric.path("min").decimalValue()).as(field).isEqualByComparingTo(deltas.stream().min(Comparator.naturalOrder()).get());
            assertThat(numeric.path("max").decimalValue()).as(field).isEqualByComparingTo(deltas.stream().max(Comparator.naturalOrder()).get());
            assertThat(numeric.path("avg").doubleValue()).as(field)
                    .isCloseTo(sum.doubleValue() / deltas.size(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void samplesTheFirstChangedKeysInKeyOrderWithTheirDifferingValues() {
        List<Key> first = expected.changedKeys().subList(0, SAMPLE);
        JsonNode sample = summary.path("sample");
        assertThat(sample.size()).isEqualTo(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            Key key = first.get(i);
            JsonNode entry = sample.get(i);
            assertThat(entry.path("key").path("txn_id").asText()).isEqualTo(key.txn());
            assertThat(entry.path("key").path("line_no").asInt()).isEqualTo(key.line());
            List<String> fields = new ArrayList<>();
            entry.path("fields").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(key.toString()).isEqualTo(expected.differing.get(key));
            for (String field : fields) {
                JsonNode values = entry.path("fields").path(field);
                assertThat(values.has("a") && values.has("b")).as("both sides named, null or not: " + values).isTrue();
                Object a = expected.a.get(key).compared().get(field);
                Object b = expected.b.get(key).compared().get(field);
                assertThat(values.path("a").isNull()).isEqualTo(a == null);
                assertThat(values.path("b").isNull()).isEqualTo(b == null);
                if (field.equals("risk_score") && a != null && b != null) {
                    assertThat(values.path("b").asInt() - values.path("a").asInt()).isEqualTo((Integer) b - (Integer) a);
                }
            }
        }
    }

    @Test
    void changedHoldsEveryKeyThatIsNotIdenticalWithBothSidesValues() {
        List<Row> rows = spark.read().parquet(baseline.diffDirectory() + "changed/").collectAsList();
        List<String> columns = List.of(spark.read().parquet(baseline.diffDirectory() + "changed/").columns());
        List<String> expectedColumns = new ArrayList<>(List.of("txn_id", "line_no", "diff_status", "diff_fields"));
        DiffLandings.COMPARED.forEach(f -> expectedColumns.addAll(List.of(f + "_a", f + "_b")));
        assertThat(columns).containsExactlyElementsOf(expectedColumns);

        Map<Key, String> status = new HashMap<>();
        Map<Key, List<String>> differing = new HashMap<>();
        for (Row row : rows) {
            Key key = new Key(row.getString(0), row.getInt(1));
            assertThat(status.put(key, row.getString(2))).as("one row per key").isNull();
            differing.put(key, row.getList(3));
            DiffLandings.Landed a = expected.a.get(key);
            DiffLandings.Landed b = expected.b.get(key);
            assertThat(row.isNullAt(row.fieldIndex("amount_minor_a"))).isEqualTo(a == null);
            assertThat(row.isNullAt(row.fieldIndex("amount_minor_b"))).isEqualTo(b == null);
            if (a != null && b != null) {
                assertThat((Object) row.getAs("risk_score_a")).isEqualTo(a.riskScore());
                assertThat((Object) row.getAs("risk_score_b")).isEqualTo(b.riskScore());
                assertThat((Object) row.getAs("decision_b")).isEqualTo(b.decision());
                assertThat(row.<BigDecimal>getAs("fee_b")).isEqualByComparingTo(b.fee());
                assertThat(row.getJavaMap(row.fieldIndex("attrs_b"))).isEqualTo(b.attrs());
            }
        }
        Map<Key, String> notIdentical = new HashMap<>(expected.status);
        notIdentical.values().removeIf("identical"::equals);
        assertThat(status).isEqualTo(notIdentical);
        expected.differing.forEach((key, fields) -> {
            if (!fields.isEmpty()) {
                assertThat(differing.get(key)).as(key.toString()).isEqualTo(fields);
            }
        });
        status.forEach((key, s) -> {
            if (!s.equals("changed")) {
                assertThat(differing.get(key)).as(key + " is on one side only").isEmpty();
            }
        });
    }

    @Test
    void aRerunReplacesTheOutputWholeAndLeavesNoStagingFolder() throws Exception {
        RunLayout rerun = new RunLayout(scratch.resolve("rerun").toUri(), "risk", "sim-1");
        URI output = rerun.diffDirectory();
        Files.createDirectories(Path.of(output).resolve("changed"));
        Files.writeString(Path.of(output).resolve("changed/part-stale.parquet"), "an earlier attempt's file");
        Files.createDirectories(Path.of(output).getParent().resolve(".run=sim-1.tmp-crashed/changed"));

        DiffJobResult again = DiffSparkJob.run(spark, new DiffJobOptions(baseline.runDirectory(), candidate.runDirectory(),
                DiffLandings.KEYS, DiffLandings.IGNORED, output, 2, Optional.empty()));

        assertThat(again.changed()).isEqualTo(result.changed());
        assertThat(Path.of(output).resolve("changed/part-stale.parquet")).doesNotExist();
        assertThat(new ObjectMapper().readTree(Path.of(output).resolve("summary.json").toFile()).path("sample").size()).isEqualTo(2);
        try (Stream<Path> siblings = Files.list(Path.of(output).getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("run=sim-1");
        }
    }

    @Test
    void aSideThatLandedNothingMakesEveryKeyOnlyOnTheOther() throws Exception {
        RunLayout empty = new RunLayout(scratch.resolve("empty").toUri(), "risk-v2", "sim-1");
        Files.createDirectories(Path.of(empty.runDirectory()).resolve("_temporary"));
        DiffJobResult oneSided = DiffSparkJob.run(spark, new DiffJobOptions(baseline.runDirectory(), empty.runDirectory(),
                DiffLandings.KEYS, DiffLandings.IGNORED, empty.diffDirectory(), 3, Optional.empty()));
        assertThat(List.of(oneSided.onlyA(), oneSided.identical(), oneSided.changed(), oneSided.onlyB()))
                .containsExactly((long) expected.a.size(), 0L, 0L, 0L);
    }

    @Test
    void landingsThatAreMissingHoldAKeyTwiceOrLackAKeyColumnAreRefused() {
        DiffLandings landings = new DiffLandings(20);
        List<DiffLandings.Landed> twice = new ArrayList<>(landings.a);
        twice.add(landings.a.get(3));
        String landing = scratch.resolve("twice/risk/run=sim-1").toUri().toString();
        DiffLandings.write(spark, twice, DiffLandings.schema(false), landing, l -> l.channel());

        assertThatThrownBy(() -> DiffSparkJob.run(spark, options(URI.create(landing), candidate.runDirectory(), 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("landing A has 1 key(s) [txn_id, line_no] more than once, e.g. [[T0001,1,2]]");
        assertThatThrownBy(() -> DiffSparkJob.run(spark, new DiffJobOptions(baseline.runDirectory(), candidate.runDirectory(),
                List.of("txn"), List.of(), scratch.resolve("nokey").toUri(), 1, Optional.empty())))
                .hasMessageStartingWith("key field 'txn' is not a column of landing A [txn_id, line_no, decision");
        URI nowhere = new RunLayout(scratch.resolve("nowhere").toUri(), "risk", "sim-1").runDirectory();
        URI neither = new RunLayout(scratch.resolve("neither").toUri(), "risk-v2", "sim-1").runDirectory();
        assertThatThrownBy(() -> DiffSparkJob.run(spark, options(nowhere, neither, 1)))
                .hasMessage("landing A " + nowhere + " and landing B " + neither + " do not exist");
    }

    private static DiffJobOptions options(URI a, URI b, int sample) {
        return new DiffJobOptions(a, b, DiffLandings.KEYS, DiffLandings.IGNORED, baseline.diffDirectory(), sample, Optional.empty());
    }
}
