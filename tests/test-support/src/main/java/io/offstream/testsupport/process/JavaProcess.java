package io.offstream.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.testsupport.RepositoryLayout;

/**
 * A JVM child process running a jar, as users run the deployables: its output goes to a log
 * file, readiness is awaited with a probe, and it stops with SIGTERM (or is killed with SIGKILL
 * by fault-injection tests). {@link #command} manages any other program the same way (e.g. the
 * Python pricing service).
 */
public final class JavaProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JavaProcess.class);

    private final String name;

    private final Process process;

    private final Path logFile;

    private JavaProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static Builder jar(String name, Path jar) {
        return new Builder(name, jar, null);
    }

    /** Any program, e.g. {@code python3 pricing_service.py --port N}; arguments may follow with {@link Builder#arg}. */
    public static Builder command(String name, List<String> command) {
        return new Builder(name, null, List.copyOf(command));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits until the probe answers true; fails early, with the log's tail, if the process dies. */
    public JavaProcess awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready; log tail:\n" + logTail(40));
            }
            if (ready.getAsBoolean()) {
                return this;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log tail:\n" + logTail(40));
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.UTF_8).contains(text);
        }
        catch (IOException e) {
            return false;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. Returns the exit code. */
    public int stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, grace);
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** The processes this one started, and theirs (e.g. the tasks an SCDF server launched). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGTERM to each, then SIGKILL to those still running after the grace period. */
    public static void stopAll(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> running = processes.stream().filter(ProcessHandle::isAlive).toList();
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : running) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                log.warn("Process {} did not stop within {}; killing it", handle.pid(), grace);
                handle.destroyForcibly();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    /** SIGKILL: a crash, for fault-injection tests. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Builds and starts a {@link JavaProcess}. */
    public static final class Builder {

        private final String name;

        private final Path jar;

        private final List<String> program;

        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xss512k"));

        private final List<String> arguments = new ArrayList<>();

        private final Map<String, String> environment = new HashMap<>();

        private Path logFile;

        private Path workingDirectory;

        private Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");

        private Builder(String name, Path jar, List<String> program) {
            this.name = name;
            this.jar = jar;
            this.program = program;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder arg(String argument) {
            arguments.add(argument);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /**
         * Runs a Spring Boot jar through the platform's {@code cds-java} (class-data sharing: the
         * jar's classes mapped from an archive, recorded at its first exit), as up.sh runs its JVMs:
         * a server or consumer starts in about a third of the time.
         */
        public Builder classDataSharing(RepositoryLayout layout) {
            this.javaCommand = layout.classDataSharingJava();
            environment.putAll(layout.classDataSharingEnvironment());
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        public JavaProcess start() {
            List<String> command = new ArrayList<>();
            if (program != null) {
                command.addAll(program);
            } else {
                command.add(javaCommand.toString());
                command.addAll(jvmOptions);
                command.add("-jar");
                command.add(jar.toString());
            }
            command.addAll(arguments);
            Path out = logFile != null ? logFile : Path.of("target", name + ".log");
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
                builder.environment().putAll(environment);
                if (workingDirectory != null) {
                    Files.createDirectories(workingDirectory);
                    builder.directory(workingDirectory.toFile());
                }
                log.info("Starting {}: {} (log {})", name, String.join(" ", command), out);
                return new JavaProcess(name, builder.start(), out);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
            }
        }
    }
}
