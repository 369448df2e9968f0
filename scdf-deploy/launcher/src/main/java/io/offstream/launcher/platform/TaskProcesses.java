package io.offstream.launcher.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import io.offstream.launcher.Console;

/**
 * The task processes of one platform (its OFFSTREAM_HOME): what its SCDF server launched (phase
 * tasks, composed runners, dispatchers, the engine JVMs they start), which would otherwise go on
 * polling a server that is gone. Not the recorded components, nothing in the caller's own session
 * (the user's terminal), no other process of the user's. A task is one of:
 * <ul>
 * <li>in the running server's session (the local deployer starts tasks as its children, and they keep it);</li>
 * <li>a JVM whose working directory is under {@code task-work/} (the deployer's work dirs; a shell
 * of the user's reading a task's log there is left alone);</li>
 * <li>a process with {@code --spring.cloud.task.executionid=} and this platform's database on its
 * command line or in its environment (left behind by an earlier server).</li>
 * </ul>
 */
public final class TaskProcesses {

    private final ProcFs proc;

    private final Path home;

    private final Console console;

    public TaskProcesses(ProcFs proc, Path home, Console console) {
        this.proc = proc;
        this.home = home;
        this.console = console;
    }

    /**
     * @param serverSession the running server's session, if it runs
     * @param components the recorded components' pids, never tasks
     */
    public List<Long> find(OptionalLong serverSession, Set<Long> components) {
        long self = ProcessHandle.current().pid();
        OptionalLong ownSession = proc.session(self);
        Path workDir = taskWork();
        String database = home.resolve("h2/dataflow").toString();
        List<Long> tasks = new ArrayList<>();
        for (long pid : proc.pids()) {
            OptionalLong session = proc.session(pid);
            if (pid == self || session.isEmpty() || session.equals(ownSession) || !proc.alive(pid) || components.contains(pid)) {
                continue;
            }
            if (serverSession.isPresent() && session.getAsLong() == serverSession.getAsLong()) {
                tasks.add(pid);
            }
            else if (proc.cwd(pid).filter(cwd -> cwd.startsWith(workDir) && !cwd.equals(workDir)).isPresent()
                    && proc.exe(pid).filter(exe -> exe.getFileName().toString().equals("java")).isPresent()) {
                tasks.add(pid);
            }
            else if (proc.commandLine(pid).stream().anyMatch(a -> a.startsWith("--spring.cloud.task.executionid="))
                    && (proc.commandLine(pid).stream().anyMatch(a -> a.contains(database))
                            || proc.environment(pid).stream().anyMatch(v -> v.contains(database)))) {
                tasks.add(pid);
            }
        }
        return tasks;
    }

    /** SIGTERM to every task, SIGKILL to those still there after the grace (a runner records its job STOPPED within 20 s). */
    public void stop(OptionalLong serverSession, Set<Long> components, Duration grace) {
        List<Long> tasks = find(serverSession, components);
        if (tasks.isEmpty()) {
            return;
        }
        for (long pid : tasks) {
            console.say("stopping task process " + pid + " (" + describe(pid) + ")");
        }
        tasks.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        long deadline = System.nanoTime() + grace.toNanos();
        Set<Long> left = new HashSet<>(tasks);
        while (System.nanoTime() < deadline) {
            left.removeIf(pid -> !proc.alive(pid));
            if (left.isEmpty()) {
                return;
            }
            pause();
        }
        List<Long> stubborn = left.stream().sorted().toList();
        console.say("task process(es) " + String.join(" ", stubborn.stream().map(String::valueOf).toList()) + " did not stop in "
                + grace.toSeconds() + "s; killing them");
        stubborn.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** For the log: its definition (from the deployer's work dir) and its task execution id. */
    String describe(long pid) {
        String execution = proc.commandLine(pid).stream().filter(a -> a.startsWith("--spring.cloud.task.executionid="))
                .map(a -> a.substring("--spring.cloud.task.executionid=".length())).findFirst().orElse(null);
        String name = proc.cwd(pid).filter(cwd -> cwd.startsWith(taskWork()))
                .map(cwd -> cwd.getFileName().toString().replaceAll("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", ""))
                .orElseGet(() -> {
                    String line = String.join(" ", proc.commandLine(pid));
                    return line.length() > 80 ? line.substring(0, 80) : line;
                });
        return name + (execution == null ? "" : ", task execution " + execution);
    }

    private Path taskWork() {
        Path workDir = home.resolve("task-work");
        try {
            return workDir.toRealPath();
        }
        catch (java.io.IOException e) {
            return workDir;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
