package io.offstream.tests.ingress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.offstream.testsupport.RepositoryLayout;

/** One run of a task jar as a process, to its end: exit code and log. */
record TaskRun(String name, int exitCode, Path log, Duration duration) {

    static TaskRun run(String name, RepositoryLayout layout, Path jar, Path logDir, Duration timeout, List<String> args)
            throws IOException, InterruptedException {
        return run(name, layout, jar, logDir, timeout, args, process -> { });
    }

    /**
     * Runs the jar as the platform runs its tasks, through cds-java (class-data sharing), so the
     * module's dozen launches of the same three jars do not each load their classes from scratch.
     *
     * @param meanwhile what a fault test does to the running task (e.g. kill its engine job), on a thread
     *                  of its own; it sees the task's process and reads its log
     */
    static TaskRun run(String name, RepositoryLayout layout, Path jar, Path logDir, Duration timeout, List<String> args,
            Consumer<Process> meanwhile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(layout.classDataSharingJava().toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(layout.classDataSharingEnvironment());
        Process process = builder.start();
        Thread fault = new Thread(() -> meanwhile.accept(process), name + "-meanwhile");
        fault.setDaemon(true);
        fault.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not end within " + timeout + "; log " + log);
        }
        fault.join(Duration.ofSeconds(10).toMillis());
        return new TaskRun(name, process.exitValue(), log, Duration.ofNanos(System.nanoTime() - start));
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        try {
            return name + " exit " + exitCode + " after " + duration.toSeconds() + "s; last lines of " + log + ":\n" + tail(40);
        } catch (IOException e) {
            return name + " exit " + exitCode;
        }
    }
}
