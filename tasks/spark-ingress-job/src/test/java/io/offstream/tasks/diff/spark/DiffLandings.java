package io.offstream.tasks.diff.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Two landings of a few hundred keys ({@code txn_id}, {@code line_no}) as plain Java values, and
 * their Parquet written the way a landing is laid out ({@code dt=} folders). B is A with known
 * changes: keys only one side has, numbers, a value against null, a reordered array, a map value, a
 * struct field; a map written in another entry order, a row landed on another day and the ignored
 * {@code service_version} (different everywhere) are not changes. {@code channel} is an int in A and
 * a string in B, {@code explanation} only in B: neither is compared.
 */
final class DiffLandings {

    static final List<String> KEYS = List.of("txn_id", "line_no");
    static final List<String> IGNORED = List.of("service_version");
    static final List<String> COMPARED = List.of("decision", "risk_score", "amount_minor", "fee", "reasons", "attrs", "seller");
    static final List<String> NUMERIC = List.of("risk_score", "amount_minor", "fee");

    record Key(String txn, int line) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::txn).thenComparingInt(Key::line);
    }

    record Seller(String tier, int id) {
    }

    /** One landed row, as the test means it. */
    record Landed(Key key, String decision, Integer riskScore, long amountMinor, BigDecimal fee, List<String> reasons,
            Map<String, Integer> attrs, Seller seller, String version, LocalDate dt, int channel) {

        /** The compared fields' values by name, as Java compares them. */
        Map<String, Object> compared() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("decision", decision);
            values.put("risk_score", riskScore);
            values.put("amount_minor", amountMinor);
            values.put("fee", fee);
            values.put("reasons", reasons);
            values.put("attrs", attrs);
            values.put("seller", seller);
            return values;
        }
    }

    private static final String[] DECISIONS = {"APPROVE", "REVIEW", "DECLINE"};
    private static final String[] TIERS = {"new", "standard", "trusted"};
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-01");

    final List<Landed> a = new ArrayList<>();
    final List<Landed> b = new ArrayList<>();

    DiffLandings(int keys) {
        for (int i = 0; i < keys; i++) {
            Landed row = baseline(i);
            if (i % 29 != 7) {
                a.add(row);
            }
            if (i % 23 != 5) {
                b.add(candidate(i, row));
            }
        }
        for (int j = 0; j < 10; j++) { // keys only the candidate landed, after every other in key order
            b.add(new Landed(new Key("U" + j, 0), "APPROVE", j, j, BigDecimal.ONE.setScale(2), List.of(), Map.of(), null, "v2", FIRST_DAY, 0));
        }
    }

    private static Landed baseline(int i) {
        Map<String, Integer> attrs = new LinkedHashMap<>();
        attrs.put("a", i % 3);
        attrs.put("b", i % 5);
        List<String> reasons = i % 4 == 0 ? List.of() : List.of("R" + i % 5, "R" + i % 7);
        return new Landed(new Key(String.format("T%04d", i / 2), i % 2), DECISIONS[i % 3], i % 31 == 0 ? null : Integer.valueOf(i * 3 % 1000), 1000L + i,
                BigDecimal.valueOf(i, 2), reasons, attrs, i % 37 == 0 ? null : new Seller(TIERS[i % 3], i % 50), "v1",
                FIRST_DAY.plusDays(i % 3), i % 4);
    }

    private static Landed candidate(int i, Landed a) {
        Map<String, Integer> attrs = new LinkedHashMap<>(); // the same entries, written in the other order
        attrs.put("b", a.attrs().get("b") + (i % 17 == 0 ? 1 : 0));
        attrs.put("a", a.attrs().get("a"));
        List<String> reasons = new ArrayList<>(a.reasons());
        if (i % 13 == 0) {
            Collections.reverse(reasons);
        }
        Seller seller = a.seller() != null && i % 19 == 0 ? new Seller("vip", a.seller().id()) : a.seller();
        return new Landed(a.key(), i % 11 == 0 ? null : a.decision(),
                a.riskScore() != null && i % 7 == 0 ? Integer.valueOf(a.riskScore() + 5 + i % 3) : a.riskScore(), a.amountMinor() - (i % 10 == 3 ? 7 : 0),
                i % 9 == 0 ? a.fee().add(new BigDecimal("0.10")) : a.fee(), List.copyOf(reasons), attrs, seller, "v2",
                i % 5 == 0 ? a.dt().plusDays(1) : a.dt(), a.channel());
    }

    /** Writes A's rows under {@code landingA} and B's under {@code landingB}, in dt= folders. */
    void write(SparkSession spark, String landingA, String landingB) {
        write(spark, a, schema(false), landingA, l -> l.channel());
        write(spark, b, schema(true), landingB, l -> "channel-" + l.channel());
    }

    static void write(SparkSession spark, List<Landed> rows, StructType schema, String landing, Function<Landed, Object> channel) {
        boolean withExplanation = schema.getFieldIndex("explanation").isDefined();
        List<Row> sparkRows = rows.stream().map(l -> {
            List<Object> values = new ArrayList<>(List.of(l.key().txn(), l.key().line()));
            values.addAll(java.util.Arrays.asList(l.decision(), l.riskScore(), l.amountMinor(), l.fee(), l.reasons(), l.attrs(),
                    l.seller() == null ? null : RowFactory.create(l.seller().tier(), l.seller().id()), l.version(), channel.apply(l)));
            if (withExplanation) {
                values.add("because " + l.key().txn());
            }
            values.add(l.dt().toString());
            return RowFactory.create(values.toArray());
        }).toList();
        spark.createDataFrame(sparkRows, schema).coalesce(2).write().mode(SaveMode.Overwrite).partitionBy("dt").parquet(landing);
    }

    static StructType schema(boolean candidate) {
        StructType schema = new StructType()
                .add("txn_id", DataTypes.StringType, false)
                .add("line_no", DataTypes.IntegerType, false)
                .add("decision", DataTypes.StringType)
                .add("risk_score", DataTypes.IntegerType)
                .add("amount_minor", DataTypes.LongType, false)
                .add("fee", DataTypes.createDecimalType(10, 2))
                .add("reasons", DataTypes.createArrayType(DataTypes.StringType))
                .add("attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
                .add("seller", new StructType().add("tier", DataTypes.StringType).add("id", DataTypes.IntegerType))
                .add("service_version", DataTypes.StringType)
                .add("channel", candidate ? DataTypes.StringType : DataTypes.IntegerType);
        if (candidate) {
            schema = schema.add("explanation", DataTypes.StringType);
        }
        return schema.add("dt", DataTypes.StringType);
    }

    /** The expected diff, computed in plain Java. */
    static final class Expected {
        final Map<Key, String> status = new java.util.TreeMap<>(Key.ORDER);
        final Map<Key, List<String>> differing = new java.util.TreeMap<>(Key.ORDER);
        final Map<String, Long> byField = new LinkedHashMap<>();
        final Map<String, List<BigDecimal>> deltas = new LinkedHashMap<>();
        final Map<Key, Landed> a = new java.util.TreeMap<>(Key.ORDER);
        final Map<Key, Landed> b = new java.util.TreeMap<>(Key.ORDER);

        Expected(DiffLandings landings) {
            landings.a.forEach(l -> a.put(l.key(), l));
            landings.b.forEach(l -> b.put(l.key(), l));
            COMPARED.forEach(f -> byField.put(f, 0L));
            NUMERIC.forEach(f -> deltas.put(f, new ArrayList<>()));
            java.util.Set<Key> keys = new java.util.TreeSet<>(Key.ORDER);
            keys.addAll(a.keySet());
            keys.addAll(b.keySet());
            for (Key key : keys) {
                Landed inA = a.get(key);
                Landed inB = b.get(key);
                if (inB == null) {
                    status.put(key, "only_a");
                    continue;
                }
                if (inA == null) {
                    status.put(key, "only_b");
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (String field : COMPARED) {
                    Object va = inA.compared().get(field);
                    Object vb = inB.compared().get(field);
                    if (!Objects.equals(va, vb)) {
                        fields.add(field);
                        byField.merge(field, 1L, Long::sum);
                    }
                    if (NUMERIC.contains(field) && va != null && vb != null) {
                        deltas.get(field).add(new BigDecimal(vb.toString()).subtract(new BigDecimal(va.toString())));
                    }
                }
                status.put(key, fields.isEmpty() ? "identical" : "changed");
                differing.put(key, fields);
            }
        }

        long count(String wanted) {
            return status.values().stream().filter(wanted::equals).count();
        }

        List<Key> changedKeys() {
            return status.entrySet().stream().filter(e -> e.getValue().equals("changed")).map(Map.Entry::getKey).toList();
        }
    }
}
