package io.offstream.contract.jobs;

import java.util.Optional;

/**
 * Ends an engine job's JVM when the phase task that started it ends, however the task ends. A task's
 * shutdown hook stops its child on a normal exit, but a SIGKILLed or crashed task runs no hook, and a
 * job left running would be a second writer to the run once the phase is restarted.
 *
 * <p>The task passes its pid as the system property {@value #PARENT_PID}; a job started any other way
 * (by hand, by spark-submit on a cluster) has none and is not watched.
 */
public final class ParentWatch {

    /** The system property holding the pid of the task that started the job. */
    public static final String PARENT_PID = "offstream.parent.pid";

    /** The job's exit code when its task went away (as if SIGTERMed). */
    public static final int EXIT_PARENT_GONE = 143;

    private ParentWatch() {
    }

    /** Watches the task named by {@value #PARENT_PID}, if any: when it ends, this JVM exits. */
    public static void start() {
        String pid = System.getProperty(PARENT_PID);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long parent;
        try {
            parent = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            System.err.println("[offstream] ignoring " + PARENT_PID + "=" + pid + ": not a pid");
            return;
        }
        watch(parent, () -> {
            System.err.println("[offstream] the task that started this job (pid " + parent + ") has ended; stopping the job");
            exit();
        });
    }

    /** Runs {@code whenGone} once the process {@code pid} has ended (at once when there is none). */
    static void watch(long pid, Runnable whenGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            whenGone.run();
            return;
        }
        parent.get().onExit().thenRun(whenGone);
    }

    /** Exits with the engine's shutdown hooks, halting if they hang: nobody waits for this JVM any more. */
    private static void exit() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // halting now is as good
            }
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        }, "offstream-parent-gone-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(EXIT_PARENT_GONE);
    }
}
