package io.offstream.tests.runbenchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the platform's scripts: everything it prints goes to a log file, and its
 * {@code [offstream]} progress lines are also echoed to the console and kept for the caller.
 */
public final class ScriptProcess {

    static final String PROGRESS_PREFIX = "[offstream]";

    private final Path workingDirectory;

    private final PrintStream console;

    public ScriptProcess(Path workingDirectory, PrintStream console) {
        this.workingDirectory = workingDirectory;
        this.console = console;
    }

    /** The script's outcome; {@code exitCode} is -1 when it was stopped for taking longer than {@code timeout}. */
    public record Outcome(int exitCode, List<String> progressLines, Path log) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public Outcome run(List<String> command, Path log, Duration timeout) throws InterruptedException {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
            List<String> progress = Collections.synchronizedList(new ArrayList<>());
            Thread copier = new Thread(() -> copy(process, log, progress), "script-output");
            copier.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                console.println(PROGRESS_PREFIX + " ERROR: " + command.get(0) + " took longer than " + timeout.toMinutes()
                        + " minutes; stopping it (anything it launched in SCDF keeps running)");
                // only the script itself: the platform processes up.sh starts must outlive it
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                copier.join(TimeUnit.SECONDS.toMillis(30));
                return new Outcome(-1, List.copyOf(progress), log);
            }
            copier.join();
            return new Outcome(process.exitValue(), List.copyOf(progress), log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command + ": " + e.getMessage(), e);
        }
    }

    private void copy(Process process, Path log, List<String> progress) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (line.startsWith(PROGRESS_PREFIX)) {
                    progress.add(line);
                    console.println("  " + line);
                }
            }
        }
        catch (IOException e) {
            console.println(PROGRESS_PREFIX + " could not copy the script's output to " + log + ": " + e.getMessage());
        }
    }
}
