package io.offstream.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.launcher.cluster.EngineClusters;
import io.offstream.launcher.dataflow.ClientDataFlow;
import io.offstream.launcher.platform.ComponentStarter;
import io.offstream.launcher.platform.ComponentStopper;
import io.offstream.launcher.platform.Http;
import io.offstream.launcher.platform.PidRecords;
import io.offstream.launcher.platform.PlatformDown;
import io.offstream.launcher.platform.PlatformStatus;
import io.offstream.launcher.platform.PlatformUp;
import io.offstream.launcher.platform.Ports;
import io.offstream.launcher.platform.ProcFs;
import io.offstream.launcher.platform.Registrations;
import io.offstream.launcher.platform.RegistryRegions;
import io.offstream.launcher.platform.SecretFiles;
import io.offstream.launcher.platform.TaskProcesses;
import io.offstream.launcher.run.DemoRun;
import io.offstream.launcher.run.RunFollower;
import io.offstream.launcher.run.RunOptions;
import io.offstream.launcher.run.RunReports;
import io.offstream.launcher.run.RunTarget;
import io.offstream.launcher.run.Ticker;
import io.offstream.launcher.run.WebHdfsFiles;

/**
 * {@code offstream-launcher <command> [options]}: the local platform's command-line app, run by
 * scdf-deploy/local's scripts. Commands: {@code up}, {@code down}, {@code status} and {@code run}, as up.sh, down.sh, status.sh and run-demo.sh.
 */
public final class Launcher {

    private final Map<String, String> env;

    private final Console console;

    public Launcher(Map<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(new Launcher(System.getenv(), new Console(System.out, System.err)).execute(Arrays.asList(args)));
    }

    /** Runs one command; returns the process's exit code (0: done, and for run: validation passed). */
    public int execute(List<String> args) {
        if (args.isEmpty()) {
            console.error("usage: offstream-launcher up | down | status | run [options] (see run --help)");
            return 2;
        }
        try {
            switch (args.get(0)) {
                case "run" -> run(args.subList(1, args.size()));
                case "status" -> {
                    return status();
                }
                case "up" -> up(args.subList(1, args.size()));
                case "register-apps" -> registerApps(args.subList(1, args.size()));
                case "load-definitions" -> loadDefinitions(args.subList(1, args.size()));
                case "down" -> down();
                default -> throw new LauncherException("unknown command " + args.get(0) + " (commands: up, down, status, run, register-apps, load-definitions)", 2);
            }
            return 0;
        }
        catch (LauncherException e) {
            if (e.getMessage() != null) {
                console.error(e.getMessage());
            }
            return e.exitCode();
        }
    }

    private int status() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        return new PlatformStatus(settings, new Catalogue(settings.services()), new PidRecords(settings.pids()), new Ports(),
                new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()), new ObjectMapper(), console).show();
    }

    /**
     * {@code up [--postgres] [--cluster]}: {@code --postgres} is {@code OFFSTREAM_DATABASE=postgresql},
     * {@code --cluster} is {@code OFFSTREAM_CLUSTER=on}.
     */
    private void up(List<String> args) {
        Map<String, String> upEnv = new HashMap<>(env);
        for (String arg : args) {
            switch (arg) {
                case "--postgres" -> upEnv.put(PlatformUp.DATABASE, PlatformUp.POSTGRESQL);
                case "--cluster" -> upEnv.put(PlatformUp.CLUSTER, "on");
                default -> throw new LauncherException("unknown option " + arg + " for up (options: --postgres, --cluster)", 2);
            }
        }
        platformUp(PlatformSettings.fromEnvironment(upEnv), upEnv).up();
    }

    /** {@code register-apps [SCDF_URL]}, or {@code register-apps --check-built}: exit 1 if a listed module has no built jar. */
    private void registerApps(List<String> args) {
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        Registrations registrations = new Registrations(settings.root(), console);
        if (!args.isEmpty() && "--check-built".equals(args.get(0))) {
            if (!registrations.built()) {
                throw new LauncherException(null, 1);
            }
            return;
        }
        registrations.registerApps(new DataFlowClient(args.isEmpty() ? settings.scdfUrl() : URI.create(args.get(0))));
    }

    /** {@code load-definitions [SCDF_URL]}. */
    private void loadDefinitions(List<String> args) {
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        new Registrations(settings.root(), console).loadDefinitions(new DataFlowClient(args.isEmpty() ? settings.scdfUrl() : URI.create(args.get(0))));
    }

    private PlatformUp platformUp(PlatformSettings settings) {
        return platformUp(settings, env);
    }

    private PlatformUp platformUp(PlatformSettings settings, Map<String, String> env) {
        PidRecords pids = new PidRecords(settings.pids());
        Ports ports = new Ports();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ComponentStarter starter = new ComponentStarter(settings, pids, ports, console, Launcher::sleepSeconds);
        return new PlatformUp(settings, new Catalogue(settings.services()), starter, pids, ports, new SecretFiles(settings.secrets()),
                new RegistryRegions(settings.registryUrl(), client, new ObjectMapper(), starter.log("region-registry")), new Http(client),
                command -> foreground(command, settings), new Registrations(settings.root(), console), new DataFlowClient(settings.scdfUrl()), console,
                env);
    }

    /** A script of the checkout in the foreground, its output the user's. */
    private static int foreground(List<String> command, PlatformSettings settings) {
        try {
            return new ProcessBuilder(command).directory(settings.root().toFile()).inheritIO().start().waitFor();
        }
        catch (java.io.IOException e) {
            throw new LauncherException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", 130);
        }
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", 130);
        }
    }

    private void down() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        PidRecords pids = new PidRecords(settings.pids());
        ProcFs proc = ProcFs.system();
        new PlatformDown(pids, proc, new TaskProcesses(proc, settings.home(), console), new ComponentStopper(pids, console, ComponentStopper.GRACE),
                console).down();
    }

    private void run(List<String> args) {
        RunOptions options = RunOptions.parse(args, LocalDateTime.now(ZoneOffset.UTC));
        if (options.help()) {
            console.print(RunOptions.USAGE);
            return;
        }
        Map<String, String> runEnv = new HashMap<>(env);
        if (options.cluster()) {
            runEnv.put(PlatformUp.CLUSTER, "on");
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(runEnv);
        ObjectMapper json = new ObjectMapper();
        ClientDataFlow dataFlow = new ClientDataFlow(new DataFlowClient(settings.scdfUrl()));
        Ticker ticker = Ticker.system();
        // a platform whose clusters run stays on them (as up does): the run's files go to their HDFS
        boolean onClusters = options.cluster() || new PidRecords(settings.pids()).isRunning(EngineClusters.NAMENODE);
        RunTarget target = RunTarget.local(settings);
        RunReports reports = new RunReports(settings.landing(), console, json);
        if (onClusters) {
            EngineClusters clusters = PlatformUp.engineClusters(settings);
            target = RunTarget.onClusters(clusters);
            reports = new RunReports(clusters.landing(), new WebHdfsFiles(clusters.webHdfs(), System.getProperty("user.name")), console, json);
        }
        new DemoRun(settings, target, new Catalogue(settings.services()), platformUp(settings, runEnv)::up, dataFlow,
                new RunFollower(dataFlow, console, ticker), reports, console, ticker).run(options);
    }
}
