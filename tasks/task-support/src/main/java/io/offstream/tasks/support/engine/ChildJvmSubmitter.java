package io.offstream.tasks.support.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The embedded default: the job runs in a child JVM ({@code java -cp app.jar:deps... Main args}),
 * the engine in local mode inside it. Engine settings become system properties (Spark reads
 * {@code spark.*} system properties as its configuration).
 */
public class ChildJvmSubmitter implements EngineSubmitter {

    private final Path javaExecutable;

    public ChildJvmSubmitter() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    public ChildJvmSubmitter(Path javaExecutable) {
        this.javaExecutable = javaExecutable;
    }

    /** The command line this submitter runs for a job. */
    public List<String> command(EngineJob job) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(job.jvmOptions());
        job.engineConf().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> command.add("-D" + e.getKey() + "=" + e.getValue()));
        command.add("-cp");
        command.add(Stream.concat(Stream.of(job.appJar()), job.dependencies().stream()).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(job.mainClass());
        command.addAll(job.args());
        return command;
    }

    @Override
    public EngineResult run(EngineJob job, EngineOutput output) throws InterruptedException {
        return ProcessRunner.run(command(job), job.workDir(), job.timeout(), output);
    }
}
