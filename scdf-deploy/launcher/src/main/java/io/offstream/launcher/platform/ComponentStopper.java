package io.offstream.launcher.platform;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.offstream.launcher.Console;

/** Stops a recorded component: SIGTERM, SIGKILL after the grace; its records go either way. */
public final class ComponentStopper {

    /** The service consumer drains its in-flight records for up to 30 s before it commits. */
    public static final Duration GRACE = Duration.ofSeconds(45);

    private final PidRecords pids;

    private final Console console;

    private final Duration grace;

    public ComponentStopper(PidRecords pids, Console console, Duration grace) {
        this.pids = pids;
        this.console = console;
        this.grace = grace;
    }

    public void stop(String name) {
        OptionalLong pid = pids.runningPid(name);
        if (pid.isEmpty()) {
            pids.remove(name);
            return;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(process -> {
            console.say("stopping " + name + " (pid " + pid.getAsLong() + ")");
            process.destroy();
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException | ExecutionException e) {
                console.say(name + " did not stop in " + grace.toSeconds() + "s; killing it");
                process.destroyForcibly();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        });
        pids.remove(name);
    }
}
