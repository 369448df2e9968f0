package io.offstream.tasks.diff.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.contract.layout.HadoopPaths;

/** Reading a landed run: every {@code dt=} folder's Parquet, without the {@code dt} column; and its one-row-per-key check. */
final class Landings {

    private Landings() {
    }

    /**
     * Both landings' folders must exist (a side that landed nothing has an empty one).
     *
     * @throws IllegalStateException naming each one that does not
     */
    static void requireFolders(SparkSession spark, URI landingA, URI landingB) throws IOException {
        List<String> missing = new ArrayList<>();
        for (URI landing : List.of(landingA, landingB)) {
            Path root = HadoopPaths.of(landing);
            if (!root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root)) {
                missing.add("landing " + (landing == landingA ? "A " : "B ") + landing);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(" and ", missing) + (missing.size() == 1 ? " does" : " do") + " not exist");
        }
    }

    /** The landing's rows, or empty when its folder holds no data file (nothing landed). */
    static Optional<Dataset<Row>> read(SparkSession spark, URI landing) throws IOException {
        Path root = HadoopPaths.of(landing);
        if (!holdsData(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root)) {
            return Optional.empty();
        }
        Dataset<Row> rows = spark.read().option("basePath", root.toString()).parquet(root.toString());
        return Optional.of(rows.drop(DiffJobOptions.PARTITION_COLUMN));
    }

    /** Rows of no landing, with a landing's columns: the side that landed nothing. */
    static Dataset<Row> empty(SparkSession spark, Dataset<Row> like) {
        return spark.createDataFrame(List.of(), like.schema());
    }

    /**
     * The landing's row count, after checking it has one row per key (what egress lands and validate
     * checks): a key landed twice would make the join count it twice.
     *
     * @throws IllegalStateException naming up to five repeated keys
     */
    static long requireOneRowPerKey(Dataset<Row> rows, List<String> keys, String side) {
        Column[] keyColumns = keys.stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
        Dataset<Row> perKey = rows.groupBy(keyColumns).agg(count(lit(1)).as("rows"));
        Row totals = perKey.agg(sum("rows"), count_if(col("rows").gt(1))).first();
        long repeated = totals.isNullAt(1) ? 0 : totals.getLong(1);
        if (repeated > 0) {
            List<String> examples = perKey.filter(col("rows").gt(1)).limit(5).collectAsList().stream().map(Row::toString).toList();
            throw new IllegalStateException("landing " + side + " has " + repeated + " key(s) " + keys + " more than once, e.g. " + examples
                    + ": a landing holds one row per key (validate the run)");
        }
        return totals.isNullAt(0) ? 0 : totals.getLong(0);
    }

    /** Whether a file that is not hidden ('.' or '_' in its path below the root, as Spark skips them) is under the root. */
    private static boolean holdsData(FileSystem fs, Path root) throws IOException {
        String prefix = fs.makeQualified(root).toUri().getPath();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            String relative = files.next().getPath().toUri().getPath().substring(prefix.length());
            boolean hidden = false;
            for (String part : relative.split("/")) {
                hidden |= part.startsWith(".") || part.startsWith("_");
            }
            if (!hidden) {
                return true;
            }
        }
        return false;
    }
}
