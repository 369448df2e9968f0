package io.offstream.dataflow.server.launch;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real processes standing in for tasks SCDF's local deployer launched: a shell that sleeps, with
 * the task's arguments after it, in a working directory named after its launch id.
 */
class LocalTaskProcessesIntegrationTests {

    private static final Path PROC = Path.of("/proc");

    @TempDir
    Path workDirs;

    private final LocalTaskProcesses processes = new LocalTaskProcesses();

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopTheTasks() throws InterruptedException {
        for (Process task : started) {
            stop(task);
        }
    }

    @Test
    void findsTheTaskByItsExactExecutionId() throws Exception {
        String launchId = launchId();
        Process task = task(launchId, "--spring.cloud.task.executionid=4242");

        assertThat(awaitFound(processes, 4242, launchId)).hasValue(task.pid());
        assertThat(processes.find(4242, null)).isPresent();
        assertThat(processes.find(424, launchId)).isEmpty();
        assertThat(processes.find(42420, launchId)).isEmpty();
    }

    @Test
    void aTaskIsNotFoundOnceItIsKilled() throws Exception {
        String launchId = launchId();
        Process task = task(launchId, "--spring.cloud.task.executionid=4242");
        assertThat(awaitFound(processes, 4242, launchId)).isPresent();

        stop(task);

        assertThat(processes.find(4242, launchId)).isEmpty();
    }

    @Test
    void aTaskOfAnotherLaunchWithTheSameExecutionIdIsNotIt() throws Exception {
        assumeTrue(Files.isDirectory(PROC), "the working directory of a process is read from /proc");
        String launchId = launchId();
        task(launchId, "--spring.cloud.task.executionid=4242");
        assertThat(awaitFound(processes, 4242, launchId)).isPresent();

        assertThat(processes.find(4242, launchId())).isEmpty();
    }

    @Test
    void aTaskWhoseWorkingDirectoryWasDeletedIsStillFound() throws Exception {
        assumeTrue(Files.isDirectory(PROC), "the working directory of a process is read from /proc");
        String launchId = launchId();
        Process task = task(launchId, "--spring.cloud.task.executionid=4242");
        assertThat(awaitFound(processes, 4242, launchId)).isPresent();

        Files.delete(workDirs.resolve(launchId));

        assertThat(processes.find(4242, launchId)).hasValue(task.pid());
    }

    @Test
    void findsTheArgumentBeyondTheFirstPageOfALongCommandLine() throws Exception {
        assumeTrue(Files.isDirectory(PROC), "whole command lines are read from /proc");
        String launchId = launchId();
        Process task = task(launchId, "--padding=" + "x".repeat(16_384), "--spring.cloud.task.executionid=4242");

        assertThat(awaitFound(processes, 4242, launchId)).hasValue(task.pid());
    }

    @Test
    void withoutAProcFileSystemTheCommandLinesComeFromProcessHandles() throws Exception {
        LocalTaskProcesses withoutProc = new LocalTaskProcesses(workDirs.resolve("no-proc"));
        String launchId = launchId();
        Process task = task(launchId, "--spring.cloud.task.executionid=4242");

        assertThat(awaitFound(withoutProc, 4242, launchId)).hasValue(task.pid());
        assertThat(withoutProc.find(424, launchId)).isEmpty();
        assertThat(withoutProc.find(42420, launchId)).isEmpty();

        stop(task);

        assertThat(withoutProc.find(4242, launchId)).isEmpty();
    }

    private static String launchId() {
        return "offstream-run-" + UUID.randomUUID();
    }

    /** A process whose command line ends with {@code arguments}, in the working directory {@code launchId}. */
    private Process task(String launchId, String... arguments) throws IOException {
        Path workDir = Files.createDirectory(workDirs.resolve(launchId));
        // a compound command, so that the shell waits for sleep rather than becoming it (and losing the arguments)
        List<String> command = new ArrayList<>(List.of("sh", "-c", "sleep 60; exit 0", "task"));
        command.addAll(List.of(arguments));
        Process task = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
        started.add(task);
        return task;
    }

    /** The process, once it has replaced the launching JVM's image with the task's. */
    private static OptionalLong awaitFound(LocalTaskProcesses processes, long executionId, String launchId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        OptionalLong found = processes.find(executionId, launchId);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = processes.find(executionId, launchId);
        }
        return found;
    }

    private static void stop(Process task) throws InterruptedException {
        task.descendants().forEach(ProcessHandle::destroyForcibly);
        task.destroyForcibly();
        task.waitFor();
    }
}
