package io.offstream.tasks.support.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One engine application run (a Spark or Flink job) as a phase task submits it.
 *
 * @param name short name for logs (e.g. {@code ingress-2026-01-03})
 * @param mainClass the job's main class
 * @param appJar the job's own jar
 * @param dependencies the job's dependency jars (its engine included for a child JVM)
 * @param jvmOptions JVM options of a child JVM (or the driver's, for spark-submit)
 * @param engineConf engine settings ({@code spark.*}: passed as --conf to spark-submit, as -D to a child JVM)
 * @param args the job's arguments
 * @param workDir working directory of the child process
 * @param timeout how long it may run before it is stopped; null or zero for no limit
 */
public record EngineJob(String name, String mainClass, Path appJar, List<Path> dependencies, List<String> jvmOptions,
        Map<String, String> engineConf, List<String> args, Path workDir, Duration timeout) {

    public EngineJob {
        dependencies = List.copyOf(dependencies);
        jvmOptions = List.copyOf(jvmOptions);
        engineConf = Map.copyOf(engineConf);
        args = List.copyOf(args);
    }
}
