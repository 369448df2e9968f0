package io.offstream.tasks.ingress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.offstream.tasks.support.engine.ChildJvmSubmitter;
import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.engine.SparkJavaOptions;
import io.offstream.tasks.support.engine.SparkSubmitSubmitter;

/** Turns the ingress options into the Spark ingress job's submission: jar, classpath, JVM options, Spark settings. */
class SparkIngressJob {

    static final String MAIN_CLASS = "io.offstream.tasks.ingress.spark.IngressSparkJob";

    /** Where the task jar packs the job (see pom.xml): the job's jar, engine-lib/ and app-lib/. */
    static final String EMBEDDED = "spark-ingress-job";

    private final IngressProperties options;
    private final EmbeddedEngineFiles embedded;

    SparkIngressJob(IngressProperties options, EmbeddedEngineFiles embedded) {
        this.options = options;
        this.embedded = embedded;
    }

    EngineSubmitter submitter() {
        if (options.getEngine() == IngressProperties.Engine.SPARK_SUBMIT) {
            if (options.getSparkHome() == null || options.getSparkHome().isBlank()) {
                throw new IllegalStateException("offstream.ingress.engine=spark-submit needs offstream.ingress.spark-home");
            }
            return new SparkSubmitSubmitter(Path.of(options.getSparkHome()), options.getMaster());
        }
        return new ChildJvmSubmitter(options.isClassDataSharing());
    }

    /** The submission of one application that ingests {@code partitions} partitions (the timeout is per partition). */
    EngineJob job(String name, List<String> args, Path workDir, int partitions) throws IOException {
        Path jar = jobJar();
        boolean local = options.getEngine() == IngressProperties.Engine.CHILD_JVM;
        Path lib = options.getJobLib() != null && !options.getJobLib().isBlank() ? Path.of(options.getJobLib())
                : jar.resolveSibling(local ? "engine-lib" : "app-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("The Spark job's dependency folder " + lib + " does not exist (build tasks/spark-ingress-job, "
                    + "or set offstream.ingress.job-lib)");
        }
        List<Path> deps;
        try (Stream<Path> files = Files.list(lib)) {
            deps = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<String> jvm = new ArrayList<>();
        if (local) {
            jvm.addAll(SparkJavaOptions.JAVA_17);
        }
        jvm.addAll(options.getJvmOptions());
        Map<String, String> conf = new HashMap<>();
        if (local) {
            conf.put("spark.master", options.getMaster());
            conf.put("spark.driver.host", "localhost");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.put("spark.ui.enabled", "false");
        conf.put("spark.sql.shuffle.partitions", "4");
        conf.put("spark.sql.session.timeZone", "UTC");
        conf.putAll(options.getSparkConf());
        return new EngineJob(name, MAIN_CLASS, jar, deps, jvm, conf, args, workDir, options.getPartitionTimeout().multipliedBy(partitions));
    }

    /** The configured job jar, else the one this task carries in its own jar (unpacked once). */
    Path jobJar() throws IOException {
        if (options.getJobJar() != null && !options.getJobJar().isBlank()) {
            Path jar = Path.of(options.getJobJar());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("offstream.ingress.job-jar " + jar + " does not exist");
            }
            return jar;
        }
        Path unpacked = embedded.unpacked().orElseThrow(() -> new IllegalStateException("This ingress task carries no Spark job "
                + "(it was built without tasks/spark-ingress-job): set offstream.ingress.job-jar and offstream.ingress.job-lib"));
        try (Stream<Path> files = Files.list(unpacked)) {
            return files.filter(p -> p.getFileName().toString().matches("offstream-spark-ingress-job-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Spark ingress job jar in " + unpacked));
        }
    }
}
