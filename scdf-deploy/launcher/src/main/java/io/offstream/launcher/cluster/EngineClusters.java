package io.offstream.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local cluster mode's processes, as {@code up.sh --cluster} and the tests start them: HDFS (a
 * NameNode and a DataNode), a Spark standalone master with two workers, and a Flink session
 * cluster (a JobManager and a TaskManager), each a separate JVM on the engine's own Maven Central
 * jars (scdf-deploy/clusters), its configuration and data under one folder. Every port binds to
 * the platform's bind address; the clients (tasks) reach them on localhost.
 */
public final class EngineClusters {

    /** What Flink 2.2 and Hadoop 3.4 need on Java 17 (Flink's own env.java.opts.all defaults). */
    static final List<String> JAVA_17_OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED", "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** The number of Spark workers (one core each). */
    public static final int SPARK_WORKERS = 2;

    /** The phases whose Spark job the engine settings place (offstream.<phase>.*). */
    private static final List<String> SPARK_PHASES = List.of("offstream.ingress", "offstream.diff");

    public static final String NAMENODE = "hdfs-namenode";

    public static final String DATANODE = "hdfs-datanode";

    public static final String SPARK_MASTER = "spark-master";

    public static final String FLINK_JOBMANAGER = "flink-jobmanager";

    public static final String FLINK_TASKMANAGER = "flink-taskmanager";

    private static final String LOOPBACK = "localhost";

    private final ClusterLayout layout;

    private final ClusterPorts ports;

    private final String bindAddress;

    private final Path java;

    /**
     * @param bindAddress the address every process listens on (the platform's, 127.0.0.1 unless opened)
     * @param java the java the JVMs run on
     */
    public EngineClusters(ClusterLayout layout, ClusterPorts ports, String bindAddress, Path java) {
        this.layout = layout;
        this.ports = ports;
        this.bindAddress = bindAddress;
        this.java = java;
    }

    /** The component names in start order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(NAMENODE, DATANODE, SPARK_MASTER));
        for (int i = 1; i <= SPARK_WORKERS; i++) {
            names.add(sparkWorker(i));
        }
        names.addAll(List.of(FLINK_JOBMANAGER, FLINK_TASKMANAGER));
        return names;
    }

    public static String sparkWorker(int n) {
        return "spark-worker-" + n;
    }

    public ClusterLayout layout() {
        return layout;
    }

    public ClusterPorts ports() {
        return ports;
    }

    /** The file system's root, {@code hdfs://localhost:<port>}. */
    public URI hdfs() {
        return URI.create("hdfs://" + LOOPBACK + ":" + ports.nameNode());
    }

    /** WebHDFS's root on the NameNode's HTTP port: files read over plain HTTP, with no Hadoop client. */
    public URI webHdfs() {
        return URI.create("http://" + LOOPBACK + ":" + ports.nameNodeHttp() + "/webhdfs/v1");
    }

    /** Where a run puts its landing root on these clusters' HDFS. */
    public URI landing() {
        return hdfs().resolve("/offstream/landing");
    }

    public String sparkMaster() {
        return "spark://" + masterHost() + ":" + ports.sparkMaster();
    }

    public URI sparkMasterUi() {
        return URI.create("http://" + LOOPBACK + ":" + ports.sparkMasterUi());
    }

    public URI flinkRest() {
        return URI.create("http://" + LOOPBACK + ":" + ports.flinkRest());
    }

    /**
     * The tasks' settings that put their engines on these clusters: the Spark jobs (ingress, diff)
     * submitted by SparkLauncher through this Spark home to the standalone master, the driver on
     * loopback where the workers reach it, and egress's Flink job sent to the session cluster.
     */
    public Map<String, String> taskProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String spark : SPARK_PHASES) {
            properties.put(spark + ".engine", "spark-submit");
            properties.put(spark + ".master", sparkMaster());
            properties.put(spark + ".spark-home", layout.sparkHome().toString());
            // a map of scalars binds the rest of the name as its key: spark-conf.spark.driver.host is spark.driver.host
            properties.put(spark + ".spark-conf.spark.driver.host", masterHost());
            properties.put(spark + ".spark-conf.spark.driver.bindAddress", bindAddress);
        }
        properties.put("offstream.egress.flink-rest", flinkRest().toString());
        return properties;
    }

    /**
     * The same settings for the embedded engines (Spark as a child JVM on local[*], its driver on
     * loopback, a Flink mini cluster), said outright: SCDF gives a definition's next launch the
     * properties of its last, so a run after a cluster run would otherwise still go to the clusters.
     */
    public static Map<String, String> embeddedTaskProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String spark : SPARK_PHASES) {
            properties.put(spark + ".engine", "child-jvm");
            properties.put(spark + ".master", "local[*]");
            properties.put(spark + ".spark-conf.spark.driver.host", "127.0.0.1");
            properties.put(spark + ".spark-conf.spark.driver.bindAddress", "127.0.0.1");
        }
        properties.put("offstream.egress.flink-rest", "embedded");
        return properties;
    }

    /** Writes every process's configuration (idempotent) and makes the Spark scripts runnable. */
    public void prepare() {
        try {
            for (Path dir : List.of(hdfsConf(), layout.work().resolve("hdfs/name"), layout.work().resolve("hdfs/data"), flinkConf(),
                    layout.work().resolve("flink/tmp"), layout.work().resolve("spark"))) {
                Files.createDirectories(dir);
            }
            Files.writeString(hdfsConf().resolve("core-site.xml"), hadoopXml(Map.of("fs.defaultFS", hdfs().toString(), "hadoop.tmp.dir",
                    layout.work().resolve("hdfs/tmp").toString())));
            Map<String, String> hdfs = new LinkedHashMap<>();
            hdfs.put("dfs.replication", "1");
            hdfs.put("dfs.namenode.name.dir", layout.work().resolve("hdfs/name").toUri().toString());
            hdfs.put("dfs.datanode.data.dir", layout.work().resolve("hdfs/data").toUri().toString());
            hdfs.put("dfs.namenode.rpc-bind-host", bindAddress);
            hdfs.put("dfs.namenode.http-address", bindAddress + ":" + ports.nameNodeHttp());
            hdfs.put("dfs.namenode.secondary.http-address", bindAddress + ":0");
            hdfs.put("dfs.datanode.address", bindAddress + ":" + ports.dataNode());
            hdfs.put("dfs.datanode.http.address", bindAddress + ":" + ports.dataNodeHttp());
            hdfs.put("dfs.datanode.ipc.address", bindAddress + ":" + ports.dataNodeIpc());
            // one DataNode: leave safe mode as soon as it has reported, not 30 s later
            hdfs.put("dfs.namenode.safemode.extension", "0");
            hdfs.put("dfs.namenode.safemode.min.datanodes", "1");
            Files.writeString(hdfsConf().resolve("hdfs-site.xml"), hadoopXml(hdfs));
            Files.writeString(hdfsConf().resolve("log4j.properties"), """
                    log4j.rootLogger=INFO, console
                    log4j.appender.console=org.apache.log4j.ConsoleAppender
                    log4j.appender.console.layout=org.apache.log4j.PatternLayout
                    log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n
                    log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR
                    """);
            Files.writeString(flinkConf().resolve("config.yaml"), flinkConfig());
            for (String script : List.of("spark-class", "spark-submit")) {
                Path file = layout.sparkHome().resolve("bin").resolve(script);
                if (Files.isRegularFile(file)) {
                    // Maven's resource copy drops the executable bit
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the clusters' configuration under " + layout.work(), e);
        }
    }

    /** Whether HDFS's NameNode has never been formatted (its first start formats it). */
    public boolean needsFormat() {
        return !Files.isRegularFile(layout.work().resolve("hdfs/name/current/VERSION"));
    }

    /** The one-shot command that formats the NameNode's storage. */
    public List<String> formatCommand() {
        return hadoop("org.apache.hadoop.hdfs.server.namenode.NameNode", "-Xmx256m", List.of("-format", "-nonInteractive", "-clusterid", "offstream"));
    }

    /**
     * The processes in two waves, each started at once and awaited before the next: the NameNode,
     * the Spark master and the Flink JobManager, then what registers with them (the DataNode, the
     * workers, the TaskManager), so none starts before what it registers with and none waits for
     * another engine's.
     */
    public List<List<ClusterProcess>> startWaves() {
        List<String> masters = List.of(NAMENODE, SPARK_MASTER, FLINK_JOBMANAGER);
        List<ClusterProcess> all = processes();
        return List.of(all.stream().filter(p -> masters.contains(p.name())).toList(),
                all.stream().filter(p -> !masters.contains(p.name())).toList());
    }

    /** The processes in start order (a master before what registers with it). */
    public List<ClusterProcess> processes() {
        List<ClusterProcess> processes = new ArrayList<>();
        URI nameNodeJmx = URI.create("http://" + LOOPBACK + ":" + ports.nameNodeHttp() + "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState");
        processes.add(new ClusterProcess(NAMENODE, ports.nameNode(), layout.hadoopLib().toString(),
                hadoop("org.apache.hadoop.hdfs.server.namenode.NameNode", "-Xmx512m", List.of()), Map.of(), nameNodeJmx, "\"FSState\""));
        // the DataNode is ready once the NameNode counts it and has left safe mode
        processes.add(new ClusterProcess(DATANODE, ports.dataNode(), layout.hadoopLib().toString(),
                hadoop("org.apache.hadoop.hdfs.server.datanode.DataNode", "-Xmx512m", List.of()), Map.of(), nameNodeJmx,
                "\"NumLiveDataNodes\"\\s*:\\s*[1-9][\\s\\S]*\"FSState\"\\s*:\\s*\"Operational\"|\"FSState\"\\s*:\\s*\"Operational\"[\\s\\S]*\"NumLiveDataNodes\"\\s*:\\s*[1-9]"));
        URI masterJson = sparkMasterUi().resolve("/json/");
        processes.add(new ClusterProcess(SPARK_MASTER, ports.sparkMaster(), layout.sparkHome().toString(),
                sparkClass("org.apache.spark.deploy.master.Master", "--host", masterHost(), "--port", Integer.toString(ports.sparkMaster()),
                        "--webui-port", Integer.toString(ports.sparkMasterUi())),
                sparkEnvironment(), masterJson, "\"status\"\\s*:\\s*\"ALIVE\""));
        for (int i = 1; i <= SPARK_WORKERS; i++) {
            int ui = ports.sparkWorkerUi(i - 1);
            Path work = layout.work().resolve("spark").resolve("worker-" + i);
            processes.add(new ClusterProcess(sparkWorker(i), ui, layout.sparkHome().toString(),
                    sparkClass("org.apache.spark.deploy.worker.Worker", "--host", masterHost(), "--cores", "1", "--memory", "2g", "--webui-port",
                            Integer.toString(ui), "--work-dir", work.toString(), sparkMaster()),
                    sparkEnvironment(), URI.create("http://" + LOOPBACK + ":" + ui + "/json/"), "\"masterwebuiurl\"\\s*:\\s*\"http"));
        }
        URI overview = flinkRest().resolve("/overview");
        processes.add(new ClusterProcess(FLINK_JOBMANAGER, ports.flinkRest(), layout.flinkLib().toString(),
                flink("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of("-Xmx512m")), Map.of(), overview,
                "\"taskmanagers\""));
        // heap: framework + task heap; direct: framework + task off-heap + network (as Flink's scripts derive them)
        processes.add(new ClusterProcess(FLINK_TASKMANAGER, ports.flinkTaskManagerRpc(), layout.flinkLib().toString(),
                flink("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", List.of("-Xmx640m", "-Xms640m", "-XX:MaxDirectMemorySize=192m",
                        "-XX:MaxMetaspaceSize=256m")),
                Map.of(), overview, "\"taskmanagers\"\\s*:\\s*[1-9]"));
        return processes;
    }

    private String masterHost() {
        // the workers and the driver meet the master where it listens: loopback unless the platform is opened
        return "0.0.0.0".equals(bindAddress) ? LOOPBACK : bindAddress;
    }

    private Path hdfsConf() {
        return layout.work().resolve("hdfs/conf");
    }

    private Path flinkConf() {
        return layout.work().resolve("flink/conf");
    }

    private List<String> hadoop(String mainClass, String heap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), heap));
        command.addAll(JAVA_17_OPENS);
        command.addAll(List.of("-Dhadoop.log.dir=" + layout.work().resolve("hdfs/logs"), "-cp", hdfsConf() + ":" + layout.hadoopLib() + "/*",
                mainClass));
        command.addAll(args);
        return command;
    }

    private List<String> sparkClass(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(layout.sparkHome().resolve("bin/spark-class").toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Spark's daemons and the executors the workers start: this Spark home, this java, the UIs and RPC on the bind address. */
    private Map<String, String> sparkEnvironment() {
        return Map.of("SPARK_HOME", layout.sparkHome().toString(), "JAVA_HOME", java.getParent().getParent().toString(), "SPARK_LOCAL_IP",
                masterHost(), "SPARK_DAEMON_MEMORY", "512m", "SPARK_SCALA_VERSION", "2.13");
    }

    private List<String> flink(String mainClass, List<String> heap) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(heap);
        command.addAll(JAVA_17_OPENS);
        command.addAll(List.of("-cp", layout.flinkLib() + "/*", mainClass, "--configDir", flinkConf().toString()));
        return command;
    }

    private String flinkConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", LOOPBACK);
        config.put("jobmanager.rpc.port", Integer.toString(ports.flinkRpc()));
        config.put("jobmanager.bind-host", bindAddress);
        config.put("rest.address", LOOPBACK);
        config.put("rest.port", Integer.toString(ports.flinkRest()));
        config.put("rest.bind-address", bindAddress);
        config.put("taskmanager.host", LOOPBACK);
        config.put("taskmanager.bind-host", bindAddress);
        config.put("taskmanager.rpc.port", Integer.toString(ports.flinkTaskManagerRpc()));
        config.put("blob.server.port", "0");
        config.put("taskmanager.numberOfTaskSlots", "2");
        // a TaskManager started without Flink's scripts is given every part of its memory
        config.put("taskmanager.cpu.cores", "2");
        config.put("taskmanager.memory.framework.heap.size", "128m");
        config.put("taskmanager.memory.task.heap.size", "512m");
        config.put("taskmanager.memory.framework.off-heap.size", "128m");
        config.put("taskmanager.memory.task.off-heap.size", "0m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.put("taskmanager.memory.managed.size", "64m");
        config.put("taskmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.memory.jvm-overhead.min", "192m");
        config.put("taskmanager.memory.jvm-overhead.max", "192m");
        config.put("io.tmp.dirs", layout.work().resolve("flink/tmp").toString());
        config.put("web.tmpdir", layout.work().resolve("flink/web").toString());
        // a failed task restarts (a TaskManager lost mid-run is replaced by the one that comes back)
        config.put("restart-strategy.type", "fixed-delay");
        config.put("restart-strategy.fixed-delay.attempts", "10");
        config.put("restart-strategy.fixed-delay.delay", "2 s");
        StringBuilder yaml = new StringBuilder("# written by the Offstream launcher (io.offstream.launcher.cluster.EngineClusters)\n");
        config.forEach((key, value) -> yaml.append(key).append(": \"").append(value).append("\"\n"));
        return yaml.toString();
    }

    private static String hadoopXml(Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!-- written by the Offstream launcher -->\n<configuration>\n");
        properties.forEach((name, value) -> xml.append("  <property><name>").append(name).append("</name><value>").append(value)
                .append("</value></property>\n"));
        return xml.append("</configuration>\n").toString();
    }
}
