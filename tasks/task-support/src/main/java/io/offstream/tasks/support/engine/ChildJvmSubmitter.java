package io.offstream.tasks.support.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.offstream.contract.jobs.ParentWatch;

/**
 * The embedded default: the job runs in a child JVM ({@code java -cp app.jar:deps... Main args}),
 * the engine in local mode inside it. Engine settings become system properties (Spark reads
 * {@code spark.*} system properties as its configuration).
 *
 * <p>With class-data sharing on (the default) the child maps the classes it loads from an archive
 * next to the job's jar ({@code <app jar>.jsa}); a run without one records it as its JVM exits. A
 * Spark or Flink JVM loads several thousand classes before the job's first row, and every run
 * starts one. Only a class path of jar files can be archived, so a directory on it turns sharing
 * off for that job.
 */
public class ChildJvmSubmitter implements EngineSubmitter {

    private static final List<String> QUIET_SHARING = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path javaExecutable;

    private final boolean classDataSharing;

    public ChildJvmSubmitter() {
        this(true);
    }

    /** Runs jobs with this JVM's java. */
    public ChildJvmSubmitter(boolean classDataSharing) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), classDataSharing);
    }

    public ChildJvmSubmitter(Path javaExecutable, boolean classDataSharing) {
        this.javaExecutable = javaExecutable;
        this.classDataSharing = classDataSharing;
    }

    /** The command line this submitter runs for a job (without class-data sharing). */
    public List<String> command(EngineJob job) {
        return command(job, List.of());
    }

    private List<String> command(EngineJob job, List<String> sharing) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(job.jvmOptions());
        command.addAll(sharing);
        // the job ends with this task, even a SIGKILLed one (whose shutdown hook cannot stop it)
        command.add("-D" + ParentWatch.PARENT_PID + "=" + ProcessHandle.current().pid());
        job.engineConf().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> command.add("-D" + e.getKey() + "=" + e.getValue()));
        command.add("-cp");
        command.add(classPath(job).map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(job.mainClass());
        command.addAll(job.args());
        return command;
    }

    @Override
    public EngineResult run(EngineJob job, EngineOutput output) throws InterruptedException {
        if (!classDataSharing || !classPath(job).allMatch(Files::isRegularFile)) {
            return ProcessRunner.run(command(job), job.workDir(), job.timeout(), output);
        }
        Path archive = archiveOf(job);
        // concurrent first runs each record their own; the last to finish leaves its archive
        Path recording = Files.isRegularFile(archive) ? null
                : archive.resolveSibling(archive.getFileName() + ".recording-" + UUID.randomUUID());
        List<String> sharing = new ArrayList<>(recording == null
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
                : List.of("-XX:ArchiveClassesAtExit=" + recording));
        sharing.addAll(QUIET_SHARING);
        try {
            return ProcessRunner.run(command(job, sharing), job.workDir(), job.timeout(), output);
        } finally {
            if (recording != null) {
                keep(recording, archive);
            }
        }
    }

    /** The job's class-data sharing archive: beside its jar, so a rebuilt job (a new folder) gets its own. */
    static Path archiveOf(EngineJob job) {
        return job.appJar().resolveSibling(job.appJar().getFileName() + ".jsa");
    }

    private static Stream<Path> classPath(EngineJob job) {
        return Stream.concat(Stream.of(job.appJar()), job.dependencies().stream());
    }

    private static void keep(Path recording, Path archive) {
        try {
            if (Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // without an archive the next run records one; nothing else depends on it
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
