package io.offstream.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.offstream.dataflow.client.DataFlowException;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.TaskDefinition;
import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;

/**
 * The files of composed-definitions/ loaded into SCDF: every task app of {@code apps.properties}
 * ({@code <app>=<module>}; the jar is the module's built one) as a boot2 app, the service consumer
 * as a stream app, and each {@code <name>.task} (its DSL, # comments) as a definition. Loading is
 * harmless to repeat: an identical definition is left alone; one that differs is kept and reported
 * (destroy it to reload, so its history is never dropped silently); one whose apps are not
 * registered yet is skipped with SCDF's reason.
 */
public final class Registrations {

    static final String CONSUMER_MODULE = "stream-apps/service-consumer";

    private final Path root;

    private final Console console;

    public Registrations(Path root, Console console) {
        this.root = root;
        this.console = console;
    }

    /** @return whether every listed module that exists has its jar built */
    public boolean built() {
        return apps().stream().filter(app -> Files.isDirectory(root.resolve(app.module()))).allMatch(app -> jar(app.module()).isPresent())
                && jar(CONSUMER_MODULE).isPresent();
    }

    public void registerApps(DataFlowOperations dataFlow) {
        for (App app : apps()) {
            if (!Files.isDirectory(root.resolve(app.module()))) {
                console.say(app.name() + ": " + app.module() + " does not exist yet; not registered");
                continue;
            }
            register(dataFlow, "task", app.name(), app.module());
        }
        register(dataFlow, "processor", "offstream-service-consumer", CONSUMER_MODULE);
    }

    public void loadDefinitions(DataFlowOperations dataFlow) {
        for (Path file : list(root.resolve("composed-definitions"), ".task")) {
            String name = file.getFileName().toString().replaceFirst("\\.task$", "");
            String dsl = dsl(file);
            Optional<TaskDefinition> existing = call(() -> dataFlow.definition(name));
            if (existing.isPresent()) {
                String text = existing.get().dslText();
                console.say(dsl.equals(text) ? "definition " + name + " unchanged"
                        : "definition " + name + " differs from " + file + " (kept; destroy it to reload): " + text);
                continue;
            }
            try {
                dataFlow.createDefinition(name, dsl, null);
                console.say("created definition " + name + ": " + dsl);
            }
            catch (DataFlowRefusedException e) {
                console.say("definition " + name + " not created yet (" + e.status() + "): " + e.scdfMessage());
            }
            catch (DataFlowException e) {
                throw new LauncherException("the SCDF server did not answer: " + e.getMessage());
            }
        }
    }

    /** A definition file's DSL: its lines without # comments, whitespace collapsed to single spaces. */
    static String dsl(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.strip().startsWith("#"))
                    .collect(Collectors.joining(" ")).replaceAll("\\s+", " ").strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void register(DataFlowOperations dataFlow, String type, String name, String module) {
        Path jar = jar(module).orElseThrow(() -> new LauncherException(name + ": no jar in " + module + "/target (./mvnw -DskipTests package)"));
        try {
            if ("task".equals(type)) {
                dataFlow.registerTaskApp(name, jar.toUri());
            }
            else {
                dataFlow.registerStreamApp(type, name, jar.toUri());
            }
        }
        catch (DataFlowRefusedException e) {
            throw new LauncherException("registering " + name + " answered " + e.status() + ": " + e.scdfMessage());
        }
        catch (DataFlowException e) {
            throw new LauncherException("registering " + name + ": the SCDF server did not answer: " + e.getMessage());
        }
        console.say("registered " + type + " app " + name + " -> " + root.relativize(jar));
    }

    /** {@code <module>/target/<artifactId>-<version>.jar}: not sources, javadoc, tests or an exec jar. */
    Optional<Path> jar(String module) {
        return list(root.resolve(module).resolve("target"), ".jar").stream()
                .filter(f -> !f.getFileName().toString().matches(".*-(sources|javadoc|tests|exec)\\.jar")).findFirst();
    }

    private List<App> apps() {
        Path file = root.resolve("composed-definitions/apps.properties");
        try {
            List<App> apps = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    apps.add(new App(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
                }
            }
            return apps;
        }
        catch (IOException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        }
        catch (DataFlowException e) {
            throw new LauncherException("the SCDF server did not answer: " + e.getMessage());
        }
    }

    private record App(String name, String module) {
    }
}
