package io.offstream.launcher;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.launcher.dataflow.HttpDataFlow;
import io.offstream.launcher.run.DemoRun;
import io.offstream.launcher.run.RunFollower;
import io.offstream.launcher.run.RunOptions;
import io.offstream.launcher.run.RunReports;
import io.offstream.launcher.run.Ticker;

/**
 * {@code offstream-launcher <command> [options]}: the local platform's command-line app, run by
 * scdf-deploy/local's scripts. Commands: {@code run} (run-demo.sh).
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
            console.error("usage: offstream-launcher run [options] (see run --help)");
            return 2;
        }
        try {
            switch (args.get(0)) {
                case "run" -> run(args.subList(1, args.size()));
                default -> throw new LauncherException("unknown command " + args.get(0) + " (commands: run)", 2);
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

    private void run(List<String> args) {
        RunOptions options = RunOptions.parse(args, LocalDateTime.now(ZoneOffset.UTC));
        if (options.help()) {
            console.print(RunOptions.USAGE);
            return;
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        ObjectMapper json = new ObjectMapper();
        HttpDataFlow dataFlow = new HttpDataFlow(settings.scdfUrl(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json);
        Ticker ticker = Ticker.system();
        new DemoRun(settings, new Catalogue(settings.services()), new ScriptPlatformStarter(settings.root()), dataFlow,
                new RunFollower(dataFlow, console, ticker), new RunReports(settings.landing(), console, json), console, ticker).run(options);
    }
}
