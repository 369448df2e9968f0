package io.offstream.tasks.support.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The distributed setting for Spark: {@code <spark-home>/bin/spark-submit --master <master>
 * --deploy-mode client --class Main --jars deps --conf k=v app.jar args}. The cluster provides
 * Spark itself, so only the job's own dependencies are shipped.
 */
public class SparkSubmitSubmitter implements EngineSubmitter {

    private final Path sparkSubmit;
    private final String master;

    public SparkSubmitSubmitter(Path sparkHome, String master) {
        this.sparkSubmit = sparkHome.resolve("bin").resolve("spark-submit");
        this.master = master;
    }

    public List<String> command(EngineJob job) {
        List<String> command = new ArrayList<>();
        command.add(sparkSubmit.toString());
        command.add("--master");
        command.add(master);
        command.add("--deploy-mode");
        command.add("client");
        command.add("--name");
        command.add(job.name());
        command.add("--class");
        command.add(job.mainClass());
        if (!job.dependencies().isEmpty()) {
            command.add("--jars");
            command.add(job.dependencies().stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        if (!job.jvmOptions().isEmpty()) {
            command.add("--driver-java-options");
            command.add(String.join(" ", job.jvmOptions()));
        }
        job.engineConf().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            command.add("--conf");
            command.add(e.getKey() + "=" + e.getValue());
        });
        command.add(job.appJar().toString());
        command.addAll(job.args());
        return command;
    }

    @Override
    public EngineResult run(EngineJob job, EngineOutput output) throws InterruptedException {
        return ProcessRunner.run(command(job), job.workDir(), job.timeout(), output);
    }
}
