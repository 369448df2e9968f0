package io.offstream.launcher.platform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;

/**
 * Starts a component detached (setsid: it outlives the launcher and ignores the terminal's
 * signals), its output appended to {@code .offstream/logs/<name>.log}, recorded by pid; and waits
 * until it answers, failing early with its log's tail if it exits.
 */
public final class ComponentStarter {

    private final PlatformSettings settings;

    private final PidRecords pids;

    private final Ports ports;

    private final Console console;

    private final Sleeper sleeper;

    /** Where each log stood when this launcher started its component: readiness lines of an earlier run do not count. */
    private final Map<String, Long> logStart = new java.util.HashMap<>();

    /** The processes this launcher started, by component. */
    private final Map<String, ProcessHandle> started = new java.util.HashMap<>();

    /** A pause between readiness probes (no pause in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleepSeconds(int seconds);
    }

    public ComponentStarter(PlatformSettings settings, PidRecords pids, Ports ports, Console console, Sleeper sleeper) {
        this.settings = settings;
        this.pids = pids;
        this.ports = ports;
        this.console = console;
        this.sleeper = sleeper;
    }

    /** A jar on the platform's java with its heap bound (unbounded, a JVM grows toward a quarter of the machine). */
    public void startJar(String name, int port, Path jar, List<String> javaOptions, List<String> arguments, Map<String, String> environment) {
        startJar(name, port, JavaCommand.current(), jar, javaOptions, arguments, environment);
    }

    /**
     * A jar run by a given java command that takes java's arguments: the platform's cds-java for
     * Spring Boot jars (it keeps the jar on the command line, as {@code -Doffstream.jar}, for the pid record).
     */
    public void startJar(String name, int port, Path java, Path jar, List<String> javaOptions, List<String> arguments,
            Map<String, String> environment) {
        if (!Files.isRegularFile(jar) && !pids.isRunning(name)) {
            throw new LauncherException(name + ": " + jar + " is missing (build it: ./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        start(name, port, jar.toString(), command, environment);
    }

    /**
     * Any program; {@code marker} (a path on its command line) tells this component's process from
     * one that got its pid later. Does nothing when it already runs; fails when its port is taken.
     */
    public void start(String name, int port, String marker, List<String> command, Map<String, String> environment) {
        if (pids.isRunning(name)) {
            console.say(name + " already running (pid " + pids.runningPid(name).getAsLong() + ")");
            return;
        }
        if (ports.isOpen(port)) {
            String owner = ports.owner(port).map(o -> " by " + o).orElse("");
            throw new LauncherException(name + " cannot start: port " + port + " is already taken" + owner + ". Stop that process or free the port.");
        }
        Path log = log(name);
        console.say("starting " + name + " on port " + port + " (log: " + settings.display(log) + ")");
        List<String> detached = new ArrayList<>(List.of("setsid"));
        detached.addAll(command);
        try {
            Files.createDirectories(settings.logs());
            logStart.put(name, Files.isRegularFile(log) ? Files.size(log) : 0L);
            ProcessBuilder builder = new ProcessBuilder(detached).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            // setsid runs the program in place (a child of the launcher is no group leader): its pid is the component's
            Process process = builder.start();
            started.put(name, process.toHandle());
            pids.record(name, process.pid(), marker, OptionalInt.of(port));
        }
        catch (IOException e) {
            throw new LauncherException(name + " cannot start: " + e.getMessage());
        }
    }

    /** Polls the probe every second until it answers, the component dies, or the timeout passes. */
    public void awaitReady(String name, int timeoutSeconds, BooleanSupplier ready) {
        long start = System.nanoTime();
        while (!ready.getAsBoolean()) {
            if (!alive(name)) {
                System.err.println(tail(log(name), 30));
                throw new LauncherException(name + " exited during start-up; see " + settings.display(log(name)));
            }
            if (elapsedSeconds(start) >= timeoutSeconds) {
                throw new LauncherException(name + " not ready after " + timeoutSeconds + "s; see " + settings.display(log(name)));
            }
            sleeper.sleepSeconds(1);
        }
        console.say(name + " ready after " + elapsedSeconds(start) + "s");
    }

    /**
     * A process this launcher started is known by its handle. Its pid record's marker is not enough in
     * its first milliseconds: setsid, then cds-java, exec one program after another, and the command
     * line reads empty while each exec is under way (up.sh once stopped on a registry that was starting).
     */
    private boolean alive(String name) {
        ProcessHandle own = started.get(name);
        return own != null ? own.isAlive() : pids.isRunning(name);
    }

    public Path log(String name) {
        return settings.logs().resolve(name + ".log");
    }

    /** Whether the component's log holds the text (the broker's readiness line) since this launcher started it. */
    public boolean logContains(String name, String text) {
        try {
            if (!Files.isRegularFile(log(name))) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(log(name));
            int from = (int) Math.min(bytes.length, logStart.getOrDefault(name, 0L));
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).contains(text);
        }
        catch (IOException e) {
            return false;
        }
    }

    private static long elapsedSeconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
