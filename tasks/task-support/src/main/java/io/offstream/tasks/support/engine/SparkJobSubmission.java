package io.offstream.tasks.support.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a phase task runs a Spark job: in a child JVM with Spark on {@code local[*]} (the embedded
 * default) or through {@code spark-submit} on a cluster, from the job a task carries in its own jar
 * ({@code offstream-engine/<job>/}: the job's jar, {@code engine-lib/} with Spark for the child JVM,
 * {@code app-lib/} for spark-submit; see {@link EmbeddedEngineFiles}) unless the task's options name
 * other files.
 */
public final class SparkJobSubmission {

    /** Where the job runs. */
    public enum Engine {
        /** A child JVM, Spark in local mode (the embedded default). */
        CHILD_JVM,
        /** A cluster's master, through Spark's launcher ({@code <spark-home>/bin/spark-submit}, client mode). */
        SPARK_SUBMIT
    }

    /**
     * A task's Spark options, as it binds them ({@code offstream.<task>.engine}, {@code master}, ...).
     *
     * @param optionPrefix the task's option prefix, e.g. {@code offstream.diff}: problems name the option to set
     * @param sparkHome the Spark installation whose spark-submit submits the job (engine spark-submit)
     * @param jobJar the job's jar; null or blank: the carried one
     * @param jobLib folder of the job's dependency jars; null or blank: the carried engine-lib/ (child JVM) or app-lib/
     * @param jvmOptions options of the child JVM (or the driver's), besides those Spark needs on Java 17
     * @param classDataSharing whether the child JVM maps its classes from an archive beside the job's jar
     * @param sparkConf extra Spark settings, over the defaults
     */
    public record Settings(String optionPrefix, Engine engine, String master, String sparkHome, String jobJar, String jobLib,
            List<String> jvmOptions, boolean classDataSharing, Map<String, String> sparkConf) {

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            sparkConf = Map.copyOf(sparkConf);
        }
    }

    private final Settings settings;
    private final EmbeddedEngineFiles embedded;
    private final String jarPrefix;

    /**
     * @param embedded the job the task carries
     * @param jarPrefix how the carried job's jar is named, e.g. {@code offstream-spark-ingress-job-}
     */
    public SparkJobSubmission(Settings settings, EmbeddedEngineFiles embedded, String jarPrefix) {
        this.settings = settings;
        this.embedded = embedded;
        this.jarPrefix = jarPrefix;
    }

    /** The submitter of the configured engine. */
    public EngineSubmitter submitter() {
        if (settings.engine() == Engine.SPARK_SUBMIT) {
            if (settings.sparkHome() == null || settings.sparkHome().isBlank()) {
                throw new IllegalStateException(settings.optionPrefix() + ".engine=spark-submit needs " + settings.optionPrefix()
                        + ".spark-home");
            }
            return new SparkLauncherSubmitter(Path.of(settings.sparkHome()), settings.master());
        }
        return new ChildJvmSubmitter(settings.classDataSharing());
    }

    /**
     * One run of the job: its jar and dependency jars, the JVM options (Java 17's opens for a child
     * JVM), and Spark settings (UI off, 4 shuffle partitions, UTC; the master and a loopback driver for a
     * child JVM) under the configured ones.
     */
    public EngineJob job(String name, String mainClass, List<String> args, Path workDir, Duration timeout) throws IOException {
        Path jar = jobJar();
        boolean local = settings.engine() == Engine.CHILD_JVM;
        Path lib = settings.jobLib() != null && !settings.jobLib().isBlank() ? Path.of(settings.jobLib())
                : jar.resolveSibling(local ? "engine-lib" : "app-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("The Spark job's dependency folder " + lib + " does not exist (build the job's module, or set "
                    + settings.optionPrefix() + ".job-lib)");
        }
        List<Path> dependencies;
        try (Stream<Path> files = Files.list(lib)) {
            dependencies = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<String> jvm = new ArrayList<>(local ? SparkJavaOptions.JAVA_17 : List.of());
        jvm.addAll(settings.jvmOptions());
        Map<String, String> conf = new HashMap<>();
        if (local) {
            conf.put("spark.master", settings.master());
            conf.put("spark.driver.host", "localhost");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.put("spark.ui.enabled", "false");
        conf.put("spark.sql.shuffle.partitions", "4");
        conf.put("spark.sql.session.timeZone", "UTC");
        conf.putAll(settings.sparkConf());
        return new EngineJob(name, mainClass, jar, dependencies, jvm, conf, args, workDir, timeout);
    }

    /** The configured job jar, else the one the task carries (unpacked once). */
    public Path jobJar() throws IOException {
        if (settings.jobJar() != null && !settings.jobJar().isBlank()) {
            Path jar = Path.of(settings.jobJar());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(settings.optionPrefix() + ".job-jar " + jar + " does not exist");
            }
            return jar;
        }
        Path unpacked = embedded.unpacked().orElseThrow(() -> new IllegalStateException("This task carries no Spark job (it was built "
                + "without it): set " + settings.optionPrefix() + ".job-jar and " + settings.optionPrefix() + ".job-lib"));
        try (Stream<Path> files = Files.list(unpacked)) {
            return files.filter(p -> p.getFileName().toString().startsWith(jarPrefix) && p.getFileName().toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No " + jarPrefix + "*.jar in " + unpacked));
        }
    }
}
