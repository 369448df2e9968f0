package io.offstream.launcher.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.offstream.dataflow.client.DataFlowException;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.TaskPlatform;
import io.offstream.launcher.Catalogue;
import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.ClusterLayout;
import io.offstream.launcher.cluster.ClusterPorts;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * The {@code up} command (up.sh), idempotent: builds what is missing, starts the Kafka broker, the
 * SCDF server (the regions as platform accounts, the catalogue handed to every task), the region
 * registry and its regions, the services this repository ships and one service consumer per
 * catalogue entry, waits until each answers, registers the apps and loads the composed definitions.
 */
public final class PlatformUp {

    /**
     * The task JVMs' default options. C1 only: a phase task's own JVM mostly starts, plans, launches and
     * follows (the Spark and Flink JVMs doing a phase's heavy work take their own options), and C2's
     * compiling took CPU from the run's other JVMs. At 1M rows the gaps between phases were 12-14 s with
     * it against 17-21 s without, and validate, which reconciles in its task JVM, was no slower (5.7-6.3 s
     * in the quieter runs against 6.2-8.4 s; tests/run-benchmark). The test platform uses them too.
     */
    public static final String TASK_JAVA_OPTIONS = "-Xmx1g -XX:TieredStopAtLevel=1";

    /** The environment variable choosing the platform's database: {@code h2} (default) or {@value #POSTGRESQL}. */
    public static final String DATABASE = "OFFSTREAM_DATABASE";

    public static final String POSTGRESQL = "postgresql";

    /** The environment variable that puts the tasks' engine jobs on local engine clusters ({@code on}: up --cluster). */
    public static final String CLUSTER = "OFFSTREAM_CLUSTER";

    /** The component name of the PostgreSQL server in the pid records. */
    public static final String POSTGRES = "postgres";

    private static final String POSTGRES_ROLE = "offstream";

    private final PlatformSettings settings;

    private final Catalogue catalogue;

    private final ComponentStarter starter;

    private final PidRecords pids;

    private final Ports ports;

    private final SecretFiles secrets;

    private final PlatformArguments arguments;

    private final RegistryRegions registry;

    private final Http http;

    private final Scripts scripts;

    private final Registrations registrations;

    private final DataFlowOperations dataFlow;

    private final Console console;

    private final Map<String, String> env;

    /** Runs a program of the checkout (the Maven wrapper) in the foreground, its output the user's; returns its exit code. */
    @FunctionalInterface
    public interface Scripts {
        int run(List<String> command);
    }

    public PlatformUp(PlatformSettings settings, Catalogue catalogue, ComponentStarter starter, PidRecords pids, Ports ports, SecretFiles secrets,
            RegistryRegions registry, Http http, Scripts scripts, Registrations registrations, DataFlowOperations dataFlow, Console console,
            Map<String, String> env) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.starter = starter;
        this.pids = pids;
        this.ports = ports;
        this.secrets = secrets;
        this.arguments = new PlatformArguments(settings, secrets);
        this.registry = registry;
        this.http = http;
        this.scripts = scripts;
        this.registrations = registrations;
        this.dataFlow = dataFlow;
        this.console = console;
        this.env = env;
    }

    public void up() {
        Path root = settings.root();
        PlatformPorts p = settings.ports();
        Deployables jars = builtDeployables();
        try {
            for (String dir : List.of("kafka", "h2", "task-work")) {
                Files.createDirectories(settings.home().resolve(dir));
            }
        }
        catch (IOException e) {
            throw new LauncherException("cannot create " + settings.home() + ": " + e.getMessage());
        }
        String datasourcePassword = secrets.ensure("dataflow", "spring.datasource.password");
        PlatformArguments arguments = onPostgres() ? this.arguments.onPostgres(startPostgres(datasourcePassword)) : this.arguments;
        if (onClusters()) {
            EngineClusters clusters = engineClusters(settings);
            new EngineClusterStarter(settings, starter, http, console).start(clusters);
            arguments = arguments.onClusters(clusters);
        }
        String platformPassword = secrets.ensure("platform", "offstream.security.password");
        List<String> javaOptions = options("OFFSTREAM_JAVA_OPTS");

        starter.startJar("kafka", p.kafka(), jars.kafka(), javaOptions, arguments.kafka(), Map.of());
        starter.awaitReady("kafka", 90, () -> starter.logContains("kafka", "Kafka broker ready"));

        // the Spring Boot JVMs start through cds-java (class-data sharing: the server in about a third of the
        // time, a phase task in half; OFFSTREAM_CDS=off runs plain java); the server's task launches inherit its variables
        Path cdsJava = settings.classDataSharingJava();
        Map<String, String> cdsEnv = Map.of("OFFSTREAM_JAVA", JavaCommand.current().toString(), "OFFSTREAM_CDS_DIR",
                env.getOrDefault("OFFSTREAM_CDS_DIR", settings.home().resolve("cds").toString()));
        String taskJavaOptions = optionsText("OFFSTREAM_TASK_JAVA_OPTS", TASK_JAVA_OPTIONS);
        starter.startJar("dataflow", p.scdf(), cdsJava, jars.scdf(), javaOptions, arguments.dataflow(catalogue, taskJavaOptions), cdsEnv);
        // ready once it lists its platform accounts: the server adds them just after it starts answering (on
        // its ready event), and a listing taken in between has none
        starter.awaitReady("dataflow", 180, () -> http.ok(settings.scdfUrl().resolve("/about")) && !accountNames().isEmpty());
        Set<String> accounts = accountNames();
        for (Region region : settings.regions()) {
            if (!accounts.contains(region.name())) {
                throw new LauncherException("the running SCDF server has no platform account " + region.name()
                        + " (it was started with other regions): run scdf-deploy/local/down.sh, then up.sh");
            }
        }

        starter.startJar("region-registry", p.registry(), cdsJava, jars.registry(), javaOptions, arguments.registry(), cdsEnv);
        starter.awaitReady("region-registry", 120, () -> http.ok(settings.registryUrl().resolve("/actuator/health")));
        for (Region region : settings.regions()) {
            registry.register(region, settings.scdfUrl(), arguments.kafkaBootstrap(), platformPassword);
        }
        console.say("regions: " + registry.summary());

        starter.startJar("realtime", p.realtime(), cdsJava, jars.realtime(), javaOptions, arguments.realtime(), cdsEnv);
        Path pricingScript = root.resolve("stream-apps/sample-pricing-service/pricing_service.py");
        boolean python = onPath("python3");
        if (python) {
            List<String> command = new ArrayList<>(List.of("python3", pricingScript.toString()));
            command.addAll(arguments.pricing());
            starter.start("pricing-service", p.pricing(), pricingScript.toString(), command, Map.of());
        }
        else {
            console.say("python3 is not installed: the pricing service (port " + p.pricing() + ") is not started, so pricing runs would dead-letter");
            console.say("    every record (apt-get install python3, then re-run up.sh)");
        }
        List<String> services = catalogue.entries();
        if (services.isEmpty()) {
            console.say("the catalogue " + catalogue.location() + " has no service (folders with a service.yaml)");
        }
        Consumers consumers = new Consumers(pids, ports, p);
        for (String service : services) {
            int port = consumers.port(service);
            starter.startJar(Consumers.name(service), port, cdsJava, jars.consumer(), javaOptions, arguments.consumer(catalogue, service, port),
                    cdsEnv);
        }
        starter.awaitReady("realtime", 120, () -> http.ok(local(p.realtime(), "/actuator/health")));
        if (pids.isRunning("pricing-service")) {
            starter.awaitReady("pricing-service", 30, () -> http.ok(local(p.pricing(), "/health")));
        }
        for (String service : services) {
            int port = consumers.port(service);
            starter.awaitReady(Consumers.name(service), 120, () -> http.ok(local(port, "/actuator/health")));
        }

        registrations.registerApps(dataFlow);
        registrations.loadDefinitions(dataFlow);
        summary(services, arguments);
    }

    /**
     * {@code up --postgres} or {@code OFFSTREAM_DATABASE=postgresql}: the databases on PostgreSQL
     * instead of H2; and a platform whose PostgreSQL runs stays on it (run-demo's up, a second up).
     */
    private boolean onPostgres() {
        return POSTGRESQL.equalsIgnoreCase(env.getOrDefault(DATABASE, "h2")) || pids.isRunning(POSTGRES);
    }

    /**
     * {@code up --cluster} or {@code OFFSTREAM_CLUSTER=on}: the engine clusters too; and a platform
     * whose clusters run stays on them.
     */
    private boolean onClusters() {
        return "on".equalsIgnoreCase(env.getOrDefault(CLUSTER, "off")) || pids.isRunning(EngineClusters.NAMENODE);
    }

    /** The local engine clusters on README's ports, their data under .offstream/clusters. */
    public static EngineClusters engineClusters(PlatformSettings settings) {
        return new EngineClusters(ClusterLayout.of(settings.root(), settings.home()), ClusterPorts.fixed(), settings.bindAddress(),
                JavaCommand.current());
    }

    /**
     * The platform's PostgreSQL cluster under {@code .offstream/postgres} (created on the first
     * {@code up --postgres}), started and recorded like the other components, so status shows it and
     * down stops it; its role's password is SCDF's datasource password.
     */
    private PostgresCluster startPostgres(String password) {
        PostgresCluster cluster = new PostgresCluster(PostgresCluster.findBinaries(env), settings.home().resolve("postgres"),
                settings.bindAddress(), settings.ports().postgres(), POSTGRES_ROLE, password);
        cluster.start(List.of(PlatformArguments.DATAFLOW_DATABASE, PlatformArguments.REGISTRY_DATABASE));
        cluster.serverPid().ifPresent(pid -> pids.record(POSTGRES, pid, cluster.commandLineMarker(), OptionalInt.of(cluster.port())));
        console.say("PostgreSQL " + settings.bindAddress() + ":" + cluster.port() + " (" + settings.display(cluster.directory()) + ", log "
                + settings.display(cluster.logFile()) + ")");
        return cluster;
    }

    private void summary(List<String> services, PlatformArguments arguments) {
        PlatformPorts p = settings.ports();
        URI scdf = settings.scdfUrl();
        console.say("up: SCDF " + scdf + " (dashboard " + scdf + "/dashboard), Kafka " + arguments.kafkaBootstrap() + ", database "
                + arguments.dataflowDatasourceUrl() + ", landing " + arguments.landing());
        Consumers consumers = new Consumers(pids, ports, p);
        for (String service : services) {
            console.say("    " + service + ": consumer http://localhost:" + consumers.port(service) + "/actuator");
        }
        console.say("    catalogue " + PlatformArguments.catalogueUri(catalogue) + "; real-time risk service http://localhost:" + p.realtime() + "/score"
                + (pids.isRunning("pricing-service") ? ", pricing service http://localhost:" + p.pricing() + "/price" : ""));
        console.say("    region registry " + settings.registryUrl() + "/regions (" + String.join(" ", settings.regions().stream().map(Region::toString).toList())
                + ")");
        String bind = settings.bindAddress();
        console.say("    listening on " + bind + " only" + (bind.startsWith("127.") ? " (this machine; OFFSTREAM_BIND_ADDRESS opens it)" : ""));
        String secretsDir = settings.display(settings.secrets());
        console.say("    security: the SCDF server has NO authentication here (a local demo on " + bind + "); production turns on");
        console.say("    its OAuth2/OIDC security (scdf-deploy/SECURITY.md). Writes to the registry and the consumers' actuators");
        console.say("    need user offstream with the password in " + secretsDir + "/platform/offstream.security.password;");
        console.say("    the database needs user " + arguments.datasourceUser() + " with " + secretsDir + "/dataflow/spring.datasource.password");
    }

    /** The jars up starts. */
    private record Deployables(Path kafka, Path scdf, Path realtime, Path consumer, Path registry) {
    }

    /** The deployables, built on the first run (./mvnw -DskipTests package) when any is missing. */
    private Deployables builtDeployables() {
        Optional<Deployables> found = deployables().filter(d -> registrations.built())
                .filter(d -> !onClusters() || ClusterLayout.of(settings.root(), settings.home()).built());
        if (found.isPresent()) {
            return found.get();
        }
        console.say("building the deployables (first run only; ./mvnw -DskipTests package)");
        script(settings.root().resolve("mvnw").toString(), "-q", "-DskipTests", "package");
        return deployables().orElseThrow(() -> new LauncherException("the build did not make every deployable (./mvnw -DskipTests package)"));
    }

    /** The deployables' jars, when all are there. */
    private Optional<Deployables> deployables() {
        Path root = settings.root();
        Optional<Path> kafka = exec(root.resolve("scdf-deploy/kafka-broker/target"));
        Optional<Path> consumer = versioned(root.resolve("stream-apps/service-consumer/target"), "offstream-service-consumer-");
        Path scdf = root.resolve("scdf-deploy/server/target/offstream-dataflow-server.jar");
        Path realtime = root.resolve("stream-apps/sample-risk-service-app/target/offstream-sample-risk-service-app.jar");
        Path registry = root.resolve("region-registry/registry-service/target/offstream-region-registry.jar");
        if (kafka.isEmpty() || consumer.isEmpty() || !Files.isRegularFile(scdf) || !Files.isRegularFile(realtime)
                || !Files.isRegularFile(registry)) {
            return Optional.empty();
        }
        return Optional.of(new Deployables(kafka.get(), scdf, realtime, consumer.get(), registry));
    }

    private void script(String... command) {
        int exit = scripts.run(List.of(command));
        if (exit != 0) {
            // the script said why
            throw new LauncherException(null, exit);
        }
    }

    /** An option list from the environment: unset gives -Xmx1g, set (even empty) is taken as it is, as lib.sh's ${VAR--Xmx1g}. */
    private List<String> options(String variable) {
        return Stream.of(optionsText(variable, "-Xmx1g").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** JVM options from the environment as one string: unset gives {@code unset}, set (even empty) is taken as it is. */
    private String optionsText(String variable, String unset) {
        return env.containsKey(variable) ? env.get(variable) : unset;
    }

    private static Optional<Path> exec(Path target) {
        return list(target).filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst();
    }

    private static Optional<Path> versioned(Path target, String prefix) {
        return list(target).filter(f -> {
            String name = f.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".jar") && !name.matches(".*-(sources|javadoc|tests)\\.jar");
        }).findFirst();
    }

    private static Stream<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
        catch (IOException e) {
            return Stream.empty();
        }
    }

    private boolean onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        return Stream.of(path.split(":")).filter(s -> !s.isEmpty()).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static URI local(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The server's platform account names; none while it cannot answer. */
    private Set<String> accountNames() {
        try {
            return dataFlow.platforms().stream().map(TaskPlatform::name).collect(Collectors.toSet());
        }
        catch (DataFlowException e) {
            return Set.of();
        }
    }
}
