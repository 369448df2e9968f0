package io.offstream.tasks.diff.spark;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.contract.jobs.DiffJobResult;
import io.offstream.contract.jobs.ParentWatch;

/**
 * Compares a simulation's two landings, A (the baseline's) and B (the candidate's), key by key
 * ({@link LandingDiff}), and replaces the output folder ({@link DiffOutput}) with:
 * <ul>
 * <li>{@code changed/}: Parquet, one row per key that is not identical: the key columns,
 * {@code diff_status} ({@code changed}, {@code only_a} or {@code only_b}: keys one side lacks are in
 * the same files), {@code diff_fields} (the compared fields that differ), and {@code <field>_a},
 * {@code <field>_b} for every compared field;</li>
 * <li>{@code summary.json} ({@link DiffSummary}), written last.</li>
 * </ul>
 * A key is changed when a field other than the key fields, {@code dt} and the ignored ones differs
 * ({@code <=>}, null-safe; arrays, structs and maps compared as values). Memory on the driver does not
 * grow with the rows: the counts are one Spark aggregation, and only the sample is collected. Writes
 * its {@link DiffJobResult} to {@code --result-file} when given. Exit code 0 on success, 1 on failure,
 * 2 on bad options.
 */
public final class DiffSparkJob {

    private DiffSparkJob() {
    }

    public static void main(String[] args) {
        ParentWatch.start();
        DiffJobOptions options;
        try {
            options = DiffJobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[offstream] " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit = 0;
        SparkSession spark = SparkSession.builder().appName("offstream-diff").getOrCreate();
        try {
            DiffJobResult result = run(spark, options);
            if (options.resultFile().isPresent()) {
                result.write(options.resultFile().get());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("[offstream] diff failed: " + e.getMessage());
            exit = 1;
        } catch (Exception e) {
            System.err.println("[offstream] diff failed: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /** Compares the landings and replaces the output folder; the counts it wrote. */
    static DiffJobResult run(SparkSession spark, DiffJobOptions options) throws IOException {
        long start = System.nanoTime();
        Landings.requireFolders(spark, options.landingA(), options.landingB());
        Optional<Dataset<Row>> landedA = Landings.read(spark, options.landingA());
        Optional<Dataset<Row>> landedB = Landings.read(spark, options.landingB());
        if (landedA.isEmpty() && landedB.isEmpty()) {
            throw new IllegalStateException("neither landing holds a row: " + options.landingA() + ", " + options.landingB());
        }
        Dataset<Row> a = landedA.orElseGet(() -> Landings.empty(spark, landedB.get()));
        Dataset<Row> b = landedB.orElseGet(() -> Landings.empty(spark, landedA.get()));
        LandingDiff diff = LandingDiff.of(a, b, options.keyFields(), options.ignoredFields());
        long rowsA = Landings.requireOneRowPerKey(a, options.keyFields(), "A");
        long rowsB = Landings.requireOneRowPerKey(b, options.keyFields(), "B");
        Dataset<Row> classified = diff.classified().persist(StorageLevel.MEMORY_AND_DISK());
        try (DiffOutput output = DiffOutput.prepare(options.output(), spark.sparkContext().hadoopConfiguration())) {
            DiffCounts counts = diff.counts();
            // timestamps as Parquet's own TIMESTAMP(MICROS), not Spark's default INT96, which parquet-avro and
            // other readers of the landing refuse
            spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
            diff.differing().write().mode(SaveMode.Overwrite).parquet(output.staged(DiffJobOptions.CHANGED_FOLDER));
            List<Row> sample = diff.sample(options.sampleSize());
            output.writeText(DiffJobOptions.SUMMARY_FILE, DiffSummary.json(options, counts, diff.fields(), sample));
            output.publish();
            long millis = (System.nanoTime() - start) / 1_000_000;
            DiffJobResult result = new DiffJobResult(options.landingA().toString(), options.landingB().toString(),
                    options.summaryFile().toString(), rowsA, rowsB, counts.identical(), counts.changed(), counts.onlyA(), counts.onlyB(),
                    new TreeMap<>(counts.byField()), millis);
            System.out.printf("[offstream] diff of %,d and %,d rows in %,d ms: %s; keys differing per field %s%s; summary %s%n", rowsA, rowsB,
                    millis, result.summaryLine(), counts.byField(), diff.fields().notCompared().isEmpty() ? ""
                            : "; not compared " + diff.fields().notCompared(), options.summaryFile());
            return result;
        } finally {
            classified.unpersist();
        }
    }
}
