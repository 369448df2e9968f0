package io.offstream.tasks.support.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process, streams its merged output line by line, and makes sure the
 * child dies with its parent (interrupt, timeout or the task's JVM shutting down).
 */
final class ProcessRunner {

    private static final int LAST_LINES = 40;

    private ProcessRunner() {
    }

    static EngineResult run(List<String> command, Path workDir, Duration timeout, EngineSubmitter.EngineOutput output)
            throws InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the task's own Spring settings, its datasource password among them, are not the engine's business
        builder.environment().remove("SPRING_APPLICATION_JSON");
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread killer = new Thread(() -> destroy(process), "engine-child-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Deque<String> last = new ArrayDeque<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > LAST_LINES) {
                            last.removeFirst();
                        }
                    }
                    output.line(line);
                }
            } catch (IOException ignored) {
                // the child went away; its exit code tells what happened
            }
        }, "engine-output");
        pump.setDaemon(true);
        pump.start();
        try {
            boolean ended = timeout == null || timeout.isZero()
                    ? process.waitFor() >= Integer.MIN_VALUE
                    : process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                destroy(process);
                output.line("[offstream] engine job stopped after its timeout of " + timeout);
            }
            pump.join(5000);
            synchronized (last) {
                return new EngineResult(process.exitValue(), Duration.ofNanos(System.nanoTime() - start), List.copyOf(last));
            }
        } catch (InterruptedException e) {
            destroy(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static void destroy(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
