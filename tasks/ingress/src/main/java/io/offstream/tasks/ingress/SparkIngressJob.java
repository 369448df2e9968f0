package io.offstream.tasks.ingress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.offstream.tasks.support.engine.ChildJvmSubmitter;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.engine.SparkJavaOptions;
import io.offstream.tasks.support.engine.SparkSubmitSubmitter;

/** Turns the ingress options into the Spark ingress job's submission: jar, classpath, JVM options, Spark settings. */
class SparkIngressJob {

    static final String MAIN_CLASS = "io.offstream.tasks.ingress.spark.IngressSparkJob";

    private final IngressProperties options;
    private final Path home;

    SparkIngressJob(IngressProperties options, Path home) {
        this.options = options;
        this.home = home;
    }

    EngineSubmitter submitter() {
        if (options.getEngine() == IngressProperties.Engine.SPARK_SUBMIT) {
            if (options.getSparkHome() == null || options.getSparkHome().isBlank()) {
                throw new IllegalStateException("offstream.ingress.engine=spark-submit needs offstream.ingress.spark-home");
            }
            return new SparkSubmitSubmitter(Path.of(options.getSparkHome()), options.getMaster());
        }
        return new ChildJvmSubmitter();
    }

    EngineJob job(String name, List<String> args, Path workDir) throws IOException {
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
        return new EngineJob(name, MAIN_CLASS, jar, deps, jvm, conf, args, workDir, options.getPartitionTimeout());
    }

    Path jobJar() throws IOException {
        if (options.getJobJar() != null && !options.getJobJar().isBlank()) {
            Path jar = Path.of(options.getJobJar());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("offstream.ingress.job-jar " + jar + " does not exist");
            }
            return jar;
        }
        Path target = home.resolve("tasks/spark-ingress-job/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().matches("offstream-spark-ingress-job-.*\\.jar"))
                        .max(Comparator.comparing(p -> p.toFile().lastModified()));
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("No Spark ingress job jar under " + target + ": build it (./mvnw -f tasks/spark-ingress-job/pom.xml "
                + "package), set offstream.home to the checkout, or set offstream.ingress.job-jar");
    }
}
