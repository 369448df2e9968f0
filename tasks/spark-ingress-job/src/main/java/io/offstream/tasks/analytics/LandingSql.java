package io.offstream.tasks.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.offstream.contract.layout.RunLayout;

/**
 * Spark SQL over a landing: every service folder under the landing root becomes a view named
 * after the service (e.g. {@code risk}), with the partition columns {@code run} and {@code dt}
 * discovered from the {@code run=<key>/dt=<day>/} folders; the quarantine is the view
 * {@code quarantine_<service>} (with its reason codes and fields). A '-' in a service name is '_' in
 * its view's name ({@code pricing-v2} is the view {@code pricing_v2}).
 *
 * <pre>LandingSql --landing=file:///.../.offstream/landing [--rows=100] "SELECT decision, count(*) FROM risk GROUP BY decision"</pre>
 */
public final class LandingSql {

    private LandingSql() {
    }

    public static void main(String[] args) throws java.io.IOException {
        String landing = null;
        int rows = 100;
        List<String> sql = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--landing=")) {
                landing = arg.substring("--landing=".length());
            }
            else if (arg.startsWith("--rows=")) {
                rows = Integer.parseInt(arg.substring("--rows=".length()));
            }
            else {
                sql.add(arg);
            }
        }
        if (landing == null || sql.isEmpty()) {
            System.err.println("usage: LandingSql --landing=<uri> [--rows=N] \"<SQL>\"");
            System.exit(2);
        }
        String root = landing.endsWith("/") ? landing : landing + "/";
        try (SparkSession spark = SparkSession.builder().appName("offstream-landing-sql").master("local[*]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            org.apache.hadoop.fs.Path rootPath = new org.apache.hadoop.fs.Path(root);
            try {
                org.apache.hadoop.fs.FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
                for (org.apache.hadoop.fs.FileStatus service : fs.listStatus(rootPath)) {
                    String name = service.getPath().getName();
                    if (!service.isDirectory() || name.startsWith(".")) {
                        continue;
                    }
                    if (RunLayout.isQuarantineFolder(name)) {
                        for (org.apache.hadoop.fs.FileStatus quarantined : fs.listStatus(service.getPath())) {
                            register(spark, quarantined.getPath().toString(), "quarantine_" + viewName(quarantined.getPath().getName()));
                        }
                    }
                    else if (!name.startsWith("_")) {
                        register(spark, service.getPath().toString(), viewName(name));
                    }
                }
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot list the landing " + root, e);
            }
            Dataset<Row> result = spark.sql(String.join(" ", sql));
            result.show(rows, false);
        }
    }

    private static String viewName(String service) {
        return service.replace('-', '_');
    }

    private static void register(SparkSession spark, String path, String view) {
        spark.read().option("basePath", path).option("recursiveFileLookup", "false").parquet(path).createOrReplaceTempView(view);
        System.out.println("view " + view + " -> " + path);
    }
}
