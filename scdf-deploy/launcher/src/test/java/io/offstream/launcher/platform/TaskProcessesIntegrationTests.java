package io.offstream.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.launcher.Console;

/** Over real processes, each in a session of its own (setsid), as the deployer's tasks and the components are. */
class TaskProcessesIntegrationTests {

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    private final ProcFs proc = ProcFs.system();

    @AfterEach
    void stopAll() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    /**
     * A {@code sleep} in a session of its own; with an argument, under a bash whose command line
     * carries it, and with a datasource URL in its environment when one is given.
     */
    private long detached(String argument, String envValue) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argument == null ? List.of("setsid", "sleep", "60")
                : List.of("setsid", "bash", "-c", "sleep 60; true", argument));
        if (envValue != null) {
            builder.environment().put("SPRING_DATASOURCE_URL", envValue);
        }
        Process process = builder.start();
        started.add(process);
        // setsid execs in place when it is not a group leader: the pid is the task's
        waitFor(() -> proc.session(process.pid()).orElse(0) == process.pid());
        return process.pid();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void findsTasksByTheirExecutionIdAndThisPlatformsDatabaseOnly() throws Exception {
        String database = "jdbc:h2:tcp://localhost:19092/" + home.resolve("h2/dataflow");
        long ours = detached("--spring.cloud.task.executionid=12", database);
        long otherPlatform = detached("--spring.cloud.task.executionid=13", "jdbc:h2:tcp://localhost:19092/elsewhere/h2/dataflow");
        long notATask = detached(null, database);

        TaskProcesses tasks = new TaskProcesses(proc, home, console);

        List<Long> found = tasks.find(OptionalLong.empty(), Set.of());
        assertThat(found).contains(ours).doesNotContain(otherPlatform, notATask, ProcessHandle.current().pid());
        assertThat(tasks.find(OptionalLong.empty(), Set.of(ours))).doesNotContain(ours);
        assertThat(tasks.describe(ours)).endsWith(", task execution 12");
    }

    @Test
    void theServersSessionIsTasksAndStopEndsThem() throws Exception {
        long server = detached(null, null);
        long session = proc.session(server).getAsLong();
        TaskProcesses tasks = new TaskProcesses(proc, home, console);

        assertThat(tasks.find(OptionalLong.of(session), Set.of())).contains(server);

        tasks.stop(OptionalLong.of(session), Set.of(), Duration.ofSeconds(10));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[offstream] stopping task process " + server + " (");
        waitFor(() -> !proc.alive(server));
    }

    @Test
    void downStopsRecordedComponentsAndForgetsThem() throws Exception {
        long kafka = detached(null, null);
        PidRecords pids = new PidRecords(home.resolve("pids"));
        pids.record("kafka", kafka, "sleep", OptionalInt.of(9092));
        pids.record("consumer", 999_999_999L, "gone.jar", OptionalInt.of(8081));
        Files.createDirectories(home.resolve("task-work"));

        new PlatformDown(pids, proc, new TaskProcesses(proc, home, console), new ComponentStopper(pids, console, Duration.ofSeconds(10)), console).down();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("[offstream] stopping kafka (pid " + kafka + ")", "[offstream] down");
        waitFor(() -> !proc.alive(kafka));
        assertThat(pids.names("")).isEmpty();
    }
}
