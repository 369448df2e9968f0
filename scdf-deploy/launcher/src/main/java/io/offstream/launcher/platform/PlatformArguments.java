package io.offstream.launcher.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * The command-line arguments of each component of the local platform, in one place, so the
 * platform users start and the one tests start are configured alike. Never a password: those go
 * in config trees ({@link SecretFiles}).
 */
public final class PlatformArguments {

    /** The variables SCDF's local deployer hands a task (its defaults, plus cds-java's). */
    public static final String TASK_ENV_TO_INHERIT = "TMP,LANG,LANGUAGE,LC_.*,PATH,SPRING_APPLICATION_JSON,JAVA_HOME,OFFSTREAM_JAVA,OFFSTREAM_CDS,OFFSTREAM_CDS_DIR";

    /** The PostgreSQL databases of SCDF (and the tasks' ledger, Quartz) and of the region registry. */
    public static final String DATAFLOW_DATABASE = "dataflow";

    public static final String REGISTRY_DATABASE = "registry";

    private static final String ACCOUNTS = "--spring.cloud.dataflow.task.platform.local.accounts.";

    private static final String COMMON_TASK = "--spring.cloud.dataflow.application-properties.task.";

    private final PlatformSettings settings;

    private final SecretFiles secrets;

    /** The databases' PostgreSQL cluster; null: H2 (the embedded default). */
    private final PostgresCluster postgres;

    /** The engine clusters the tasks' jobs run on; null: the embedded engines (Spark local, Flink mini cluster). */
    private final EngineClusters clusters;

    public PlatformArguments(PlatformSettings settings, SecretFiles secrets) {
        this(settings, secrets, null, null);
    }

    private PlatformArguments(PlatformSettings settings, SecretFiles secrets, PostgresCluster postgres, EngineClusters clusters) {
        this.settings = settings;
        this.secrets = secrets;
        this.postgres = postgres;
        this.clusters = clusters;
    }

    /**
     * The same platform with its databases on PostgreSQL: SCDF's (tasks, batch jobs, the run ledger,
     * Quartz) in {@value #DATAFLOW_DATABASE}, the registry's in {@value #REGISTRY_DATABASE}, both
     * owned by the cluster's role, whose password is SCDF's datasource password (the "dataflow" secrets).
     */
    public PlatformArguments onPostgres(PostgresCluster cluster) {
        return new PlatformArguments(settings, secrets, cluster, clusters);
    }

    /**
     * The same platform with the tasks' engine jobs on the engine clusters (Spark standalone, a Flink
     * session) and the landing root on their HDFS.
     */
    public PlatformArguments onClusters(EngineClusters engineClusters) {
        return new PlatformArguments(settings, secrets, postgres, engineClusters);
    }

    /** The landing root every task is given: .offstream/landing, or /offstream/landing on the clusters' HDFS. */
    public String landing() {
        return clusters != null ? clusters.landing().toString() : "file://" + settings.landing();
    }

    public List<String> kafka() {
        PlatformPorts p = settings.ports();
        return List.of("--bind-address=" + settings.bindAddress(), "--port=" + p.kafka(), "--controller-port=" + p.kafkaController(),
                "--data-dir=" + settings.home().resolve("kafka"));
    }

    public String kafkaBootstrap() {
        return "localhost:" + settings.ports().kafka();
    }

    /**
     * SCDF's database; tasks get the same URL. On H2, the file database the server serves over TCP
     * (DB_CLOSE_ON_EXIT=FALSE: H2's hook must not close it under the server).
     */
    public String dataflowDatasourceUrl() {
        if (postgres != null) {
            return postgres.jdbcUrl(DATAFLOW_DATABASE);
        }
        return "jdbc:h2:tcp://localhost:" + settings.ports().h2() + "/" + settings.home().resolve("h2/dataflow") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The SCDF server: its port and database, the catalogue, landing root and broker (unless its
     * port is 0: a server started without one) as common task properties, and every account (default and each region) keeping its tasks' files under
     * task-work and starting task JVMs through cds-java.
     *
     * @param taskJavaOptions the task JVMs' options (OFFSTREAM_TASK_JAVA_OPTS, default {@link PlatformUp#TASK_JAVA_OPTIONS})
     */
    public List<String> dataflow(Catalogue catalogue, String taskJavaOptions) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + settings.ports().scdf(), "--server.address=" + settings.bindAddress(),
                secrets.configTreeImport("dataflow"),
                "--offstream.embedded-database.bind-address=" + settings.bindAddress(), "--offstream.home=" + settings.root(),
                COMMON_TASK + "offstream.services.location=" + catalogueUri(catalogue),
                COMMON_TASK + "offstream.run.landing=" + landing(),
                COMMON_TASK + "spring.config.import=optional:configtree:" + secrets.directory("platform") + "/"));
        if (settings.ports().kafka() > 0) {
            args.add(COMMON_TASK + "offstream.kafka.bootstrap-servers=" + kafkaBootstrap());
        }
        if (clusters != null) {
            clusters.taskProperties().forEach((key, value) -> args.add(COMMON_TASK + key + "=" + value));
        }
        // SCDF hands its datasource's url, user and driver on to every task
        args.addAll(postgres != null ? postgres.datasourceArguments(DATAFLOW_DATABASE) : List.of("--spring.datasource.url=" + dataflowDatasourceUrl()));
        List<String> accounts = new ArrayList<>(List.of("default"));
        settings.regions().forEach(r -> accounts.add(r.name()));
        Path cdsJava = settings.classDataSharingJava();
        for (String account : accounts) {
            String prefix = ACCOUNTS + account + ".";
            args.addAll(List.of(prefix + "working-directories-root=" + settings.home().resolve("task-work").resolve(account),
                    prefix + "delete-files-on-exit=false", prefix + "java-cmd=" + cdsJava, prefix + "env-vars-to-inherit=" + TASK_ENV_TO_INHERIT,
                    prefix + "java-opts=" + taskJavaOptions));
        }
        settings.regions().forEach(r -> args.add(ACCOUNTS + r.name() + ".maximum-concurrent-tasks=" + r.maxConcurrentTasks()));
        return args;
    }

    /** The region registry, with its own database (an H2 file, or a database of the PostgreSQL cluster). */
    public List<String> registry() {
        List<String> args = new ArrayList<>(List.of("--server.port=" + settings.ports().registry(), "--server.address=" + settings.bindAddress()));
        if (postgres != null) {
            // the role's password is SCDF's datasource password: the registry imports that tree too
            args.add(secrets.configTreeImport("platform", "dataflow"));
            args.addAll(postgres.datasourceArguments(REGISTRY_DATABASE));
        }
        else {
            args.addAll(List.of(secrets.configTreeImport("platform"), "--spring.datasource.url=jdbc:h2:file:" + settings.home().resolve("h2/region-registry")));
        }
        return args;
    }

    /** The user of SCDF's database: the cluster's role, or H2's {@code sa}. */
    public String datasourceUser() {
        return postgres != null ? postgres.role() : "sa";
    }

    /** The risk service's real-time REST app. */
    public List<String> realtime() {
        return List.of("--server.port=" + settings.ports().realtime(), "--server.address=" + settings.bindAddress());
    }

    /** The Python pricing service's arguments after its script. */
    public List<String> pricing() {
        return List.of("--host", settings.bindAddress(), "--port", Integer.toString(settings.ports().pricing()));
    }

    /** One service consumer (group offstream-<service>) hosting its catalogue entry. */
    public List<String> consumer(Catalogue catalogue, String service, int port) {
        return List.of("--server.port=" + port, "--server.address=" + settings.bindAddress(), secrets.configTreeImport("platform"),
                "--offstream.consumer.service=" + service, "--offstream.services.location=" + catalogueUri(catalogue),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap());
    }

    /** The catalogue's location as a URI, as tasks and consumers are given it. */
    public static String catalogueUri(Catalogue catalogue) {
        return catalogue.directory().map(dir -> "file://" + dir).orElse(catalogue.location());
    }
}
