package io.offstream.testsupport.platform;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.platform.PlatformArguments;
import io.offstream.launcher.platform.PlatformUp;
import io.offstream.launcher.platform.PostgresCluster;
import io.offstream.launcher.platform.SecretFiles;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The SCDF server built in scdf-deploy/server, as a separate process on free ports, keeping its
 * data in an H2 file database under the work directory (so a restart keeps history, as locally),
 * or, when the test JVM's {@value #DATABASE} is {@code postgresql}, in a PostgreSQL cluster of its
 * own (the machine's PostgreSQL binaries, a temporary directory, a free port), started before the
 * server and stopped after it: SCDF's tables, the tasks' batch jobs and run ledger and Quartz's
 * schedules then all live on PostgreSQL, as on a production server.
 */
public final class DataFlowServerProcess implements AutoCloseable {

    /** The system property naming the test JVM's database: {@code h2} (default) or {@code postgresql}. */
    public static final String DATABASE = "offstream.it.database";

    private static final String POSTGRES_ROLE = "offstream";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** A composed runner records its job STOPPED within 20 s of SIGTERM. */
    private static final Duration TASK_STOP_GRACE = Duration.ofSeconds(30);

    private final Path jar;

    private final Path logFile;

    private final List<String> arguments;

    private final int port;

    private final String datasourceUrl;

    private final RepositoryLayout layout;

    private JavaProcess process;

    /** Environment variables given to the server (secrets: never arguments). */
    private Map<String, String> environment = Map.of();

    /** The bearer token of a secured server's clients, null when it is not secured. */
    private Supplier<String> accessToken;

    /** Tasks launched before a {@link #restart()}: no longer the server's descendants, still stopped with it. */
    private final List<ProcessHandle> launchedBefore = new ArrayList<>();

    private final String datasourcePassword;

    private final String datasourceUser;

    /** The server's own PostgreSQL cluster; null on H2. */
    private final PostgresCluster postgres;

    private DataFlowServerProcess(Path jar, Path logFile, List<String> arguments, int port, String datasourceUrl,
            String datasourceUser, String datasourcePassword, PostgresCluster postgres, RepositoryLayout layout) {
        this.datasourceUser = datasourceUser;
        this.datasourcePassword = datasourcePassword;
        this.postgres = postgres;
        this.layout = layout;
        this.jar = jar;
        this.logFile = logFile;
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.datasourceUrl = datasourceUrl;
    }

    /**
     * Starts the server.
     *
     * @param extraArguments further {@code --key=value} server arguments (platform accounts, ...)
     */
    public static DataFlowServerProcess start(RepositoryLayout layout, Path workDir, List<String> extraArguments) {
        return start(layout, workDir, extraArguments, Map.of(), null);
    }

    /**
     * Starts a server that may be secured: {@code environment} reaches the server only (client
     * secrets go there, not in arguments: the server's task launches do not inherit it), and
     * {@code accessToken}, when not null, is the bearer token its readiness check and
     * {@link #client()} send.
     */
    public static DataFlowServerProcess start(RepositoryLayout layout, Path workDir, List<String> extraArguments,
            Map<String, String> environment, Supplier<String> accessToken) {
        return start(layout, workDir, 0, extraArguments, environment, accessToken);
    }

    /**
     * Starts a server configured as up.sh configures the user's ({@link PlatformArguments}: H2 file
     * database, generated password in a config tree, the catalogue, landing root and broker as common
     * task properties, the default account's task work under {@code task-work/}, cds-java), on free
     * ports, without regions (a test adds the accounts it needs in {@code extraArguments}).
     *
     * @param kafkaPort the broker every task is given; 0: none
     */
    public static DataFlowServerProcess start(RepositoryLayout layout, Path workDir, int kafkaPort, List<String> extraArguments,
            Map<String, String> environment, Supplier<String> accessToken) {
        int port = FreePorts.find();
        int h2Port = FreePorts.find();
        PlatformSettings settings = TestPlatformSettings.of(layout, workDir, TestPlatformSettings.dataflow(kafkaPort, port, h2Port));
        SecretFiles secrets = new SecretFiles(settings.secrets());
        String datasourcePassword = secrets.ensure("dataflow", "spring.datasource.password");
        PlatformArguments platform = new PlatformArguments(settings, secrets);
        PostgresCluster postgres = null;
        if ("postgresql".equals(System.getProperty(DATABASE, "h2"))) {
            // in a temporary directory: PostgreSQL runs as its own user when the tests run as root, and that
            // user may not reach the checkout's target directories
            postgres = TestPostgresClusters.start(POSTGRES_ROLE, datasourcePassword);
            platform = platform.onPostgres(postgres);
        }
        String datasourceUrl = platform.dataflowDatasourceUrl();
        List<String> arguments = new ArrayList<>(platform.dataflow(new Catalogue(settings.services()), PlatformUp.TASK_JAVA_OPTIONS));
        // a test's own setting replaces the platform's (Spring joins a repeated command-line option's values with commas)
        Set<String> ownKeys = extraArguments.stream().map(DataFlowServerProcess::key).collect(Collectors.toSet());
        arguments.removeIf(argument -> ownKeys.contains(key(argument)));
        // a task killed from outside is recorded lost sooner than on a user's server (60 s): the runner and
        // the dispatcher treat a LOST end as their own finding of a lost child
        arguments.add("--offstream.lost-executions.check-interval=2s");
        arguments.add("--offstream.lost-executions.grace=6s");
        arguments.addAll(extraArguments);
        arguments.addAll(addedAccountCommands(layout, arguments));
        DataFlowServerProcess server = new DataFlowServerProcess(layout.dataFlowServerJar(),
                workDir.resolve("logs/dataflow-server.log"), arguments, port, datasourceUrl, platform.datasourceUser(),
                datasourcePassword, postgres, layout);
        server.environment = Map.copyOf(environment);
        server.accessToken = accessToken;
        try {
            server.launch();
        }
        catch (RuntimeException e) {
            server.stopPostgres();
            throw e;
        }
        return server;
    }

    /** The server's PostgreSQL cluster, null on H2 (a registry a test starts keeps its database there too). */
    public PostgresCluster postgres() {
        return postgres;
    }

    /** The datasource password: SCDF's, and on PostgreSQL the cluster role's. */
    String datasourcePassword() {
        return datasourcePassword;
    }

    private void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
            TestPostgresClusters.delete(postgres.directory());
        }
    }

    /** {@code --name} of {@code --name=value}. */
    private static String key(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    private void launch() {
        // as up.sh starts the server: through cds-java, whose real java and cache (built jars' extracted
        // class paths and archives, shared by every module's platform) its task launches inherit
        JavaProcess.Builder builder = JavaProcess.jar("dataflow-server", jar).classDataSharing(layout).logFile(logFile);
        environment.forEach(builder::env);
        arguments.forEach(builder::arg);
        process = builder.start();
        DataFlowClient client = client();
        // ready once it lists its platform accounts: it adds them on its ready event, just after /about first
        // answers, and a launch or a process lookup in between finds no launcher (as up.sh waits too)
        process.awaitReady(START_TIMEOUT, () -> {
            try {
                client.about();
                return !client.operations().platforms().isEmpty();
            }
            catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    /**
     * Every account a test adds starts task JVMs as the default one does, unless the test says
     * otherwise: through scdf-deploy/local/cds-java, as up.sh's accounts do, and with
     * up.sh's default task JVM options, {@link PlatformUp#TASK_JAVA_OPTIONS} (the default has both from
     * {@link PlatformArguments}).
     */
    private static List<String> addedAccountCommands(RepositoryLayout layout, List<String> arguments) {
        String prefix = "--spring.cloud.dataflow.task.platform.local.accounts.";
        Set<String> accounts = new TreeSet<>();
        Set<String> given = new TreeSet<>();
        for (String argument : arguments) {
            if (argument.startsWith(prefix) && argument.indexOf('.', prefix.length()) > 0) {
                String account = argument.substring(prefix.length(), argument.indexOf('.', prefix.length()));
                accounts.add(account);
                given.add(key(argument).substring(prefix.length()));
            }
        }
        String cdsJava = layout.classDataSharingJava().toString();
        List<String> commands = new ArrayList<>();
        for (String account : accounts) {
            if (!given.contains(account + ".java-cmd")) {
                commands.add(prefix + account + ".java-cmd=" + cdsJava);
                // the local deployer hands a task only the environment variables it is told to
                commands.add(prefix + account + ".env-vars-to-inherit=" + PlatformArguments.TASK_ENV_TO_INHERIT);
            }
            if (!given.contains(account + ".java-opts")) {
                commands.add(prefix + account + ".java-opts=" + PlatformUp.TASK_JAVA_OPTIONS);
            }
        }
        return commands;
    }

    /** Stops the server with SIGTERM and starts it again on the same ports and database; its running tasks go on. */
    public void restart() {
        launchedBefore.addAll(process.descendants());
        process.stop(Duration.ofSeconds(30));
        launch();
    }

    /**
     * SIGKILLs the server, as a crash or a lost node would, and starts it again on the same ports
     * and database. Its tasks live on (no shutdown stopped them), but lose the embedded H2 database,
     * which the server serves, until it is back.
     */
    public void killAndRestart() {
        launchedBefore.addAll(process.descendants());
        process.kill();
        launch();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public DataFlowClient client() {
        return new DataFlowClient(uri(), accessToken);
    }

    /** The JDBC URL tasks launched by this server use (the ledger lives there too). */
    public String datasourceUrl() {
        return datasourceUrl;
    }

    /** A connection to the server's database (SCDF's tables and the run ledger), with its generated password. */
    public Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(datasourceUrl, datasourceUser, datasourcePassword);
    }

    public JavaProcess process() {
        return process;
    }

    /**
     * Stops the server and every task it launched (phases, composed runners, the engine JVMs they
     * start), which would otherwise outlive the tests polling a server that is gone. The tasks go
     * first, while the database they record their end in is up; any launched meanwhile, after.
     */
    @Override
    public void close() {
        List<ProcessHandle> tasks = new ArrayList<>(launchedBefore);
        tasks.addAll(process.descendants());
        JavaProcess.stopAll(tasks, TASK_STOP_GRACE);
        List<ProcessHandle> late = process.descendants();
        process.close();
        JavaProcess.stopAll(late, TASK_STOP_GRACE);
        stopPostgres();
    }
}
