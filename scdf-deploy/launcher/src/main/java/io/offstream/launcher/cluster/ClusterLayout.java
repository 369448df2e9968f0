package io.offstream.launcher.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the engine clusters' jars are (built by scdf-deploy/clusters) and where their
 * configuration and data go.
 *
 * @param sparkHome a Spark installation: jars/ and bin/spark-submit
 * @param flinkLib the Flink session cluster's class path
 * @param hadoopLib HDFS's class path
 * @param work the clusters' configuration and data ({@code .offstream/clusters})
 */
public record ClusterLayout(Path sparkHome, Path flinkLib, Path hadoopLib, Path work) {

    /** The checkout's build output, the work folder under the platform's home. */
    public static ClusterLayout of(Path root, Path home) {
        Path clusters = root.resolve("scdf-deploy/clusters");
        return new ClusterLayout(clusters.resolve("spark-home/target/spark-home"), clusters.resolve("flink-session/target/flink-lib"),
                clusters.resolve("hdfs/target/hadoop-lib"), home.resolve("clusters"));
    }

    /** Whether every engine's jars are built. */
    public boolean built() {
        return List.of(sparkHome.resolve("jars"), flinkLib, hadoopLib).stream().allMatch(Files::isDirectory)
                && Files.isRegularFile(sparkHome.resolve("bin/spark-submit"));
    }
}
