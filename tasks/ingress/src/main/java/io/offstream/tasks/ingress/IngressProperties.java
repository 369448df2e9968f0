package io.offstream.tasks.ingress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Options of the ingress phase ({@code offstream.ingress.*}). */
@ConfigurationProperties("offstream.ingress")
public class IngressProperties {

    /** How the Spark job runs: child-jvm (embedded, Spark in local mode in a child JVM) or spark-submit (a cluster). */
    private Engine engine = Engine.CHILD_JVM;

    /** Spark master: local[*] for the child JVM; spark://, yarn or k8s:// for spark-submit. */
    private String master = "local[*]";

    /** SPARK_HOME of the Spark 4 installation whose bin/spark-submit submits the job (engine=spark-submit). */
    private String sparkHome;

    /** The Spark ingress job's jar; default: the one this task carries in its own jar, unpacked once under <java.io.tmpdir>/offstream-engines. */
    private String jobJar;

    /** Folder of the job's dependency jars; default: the carried engine-lib/ (child-jvm, Spark included) or app-lib/ (spark-submit). */
    private String jobLib;

    /** JVM options of the child JVM (or the driver's with spark-submit), in addition to the ones Spark needs on Java 17. */
    private List<String> jvmOptions = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseParallelGC"));

    /**
     * The embedded Spark JVM (child-jvm) maps its classes from an archive its first run records
     * beside the job's jar (class-data sharing): a faster start.
     */
    private boolean classDataSharing = true;

    /** Extra Spark settings (spark.*), e.g. spark.executor.memory. */
    private Map<String, String> sparkConf = new HashMap<>();

    /** Extra Kafka producer properties; acks=all and idempotence are always set. */
    private Map<String, String> producer = new HashMap<>();

    /** Where the job's manifest and partition results of each run are kept; default: <java.io.tmpdir>/offstream-ingress. */
    private String workDir;

    /** What an unreadable pinned file does: fail (default; the partition fails) or skip (it is skipped and reported). */
    private String onCorruptFile = "fail";

    /**
     * How many partitions the Spark job ingests at once (each a Spark job of the one application).
     * More can use idle executors when partitions are small; on two local cores 2 measured the same
     * as 1, and each holds a partition in memory.
     */
    private int parallelPartitions = 1;

    /** How long the Spark job may run per partition it was given; 0 = no limit. */
    private Duration partitionTimeout = Duration.ZERO;

    /** How often progress is logged while a partition's job runs. */
    private Duration progressInterval = Duration.ofSeconds(15);

    /** Fault injection for tests: settings that make one partition's job halt mid-way. */
    private Fault fault = new Fault();

    public enum Engine {
        CHILD_JVM, SPARK_SUBMIT
    }

    /** Fault injection for tests (never set in production). */
    public static class Fault {
        /** Partition date (yyyy-MM-dd) whose Spark job halts. */
        private String haltPartition;
        /** Records the job sends before it halts. */
        private long haltAfterRows = 0;

        public String getHaltPartition() { return haltPartition; }
        public void setHaltPartition(String haltPartition) { this.haltPartition = haltPartition; }
        public long getHaltAfterRows() { return haltAfterRows; }
        public void setHaltAfterRows(long haltAfterRows) { this.haltAfterRows = haltAfterRows; }
    }

    public Engine getEngine() { return engine; }
    public void setEngine(Engine engine) { this.engine = engine; }
    public String getMaster() { return master; }
    public void setMaster(String master) { this.master = master; }
    public String getSparkHome() { return sparkHome; }
    public void setSparkHome(String sparkHome) { this.sparkHome = sparkHome; }
    public String getJobJar() { return jobJar; }
    public void setJobJar(String jobJar) { this.jobJar = jobJar; }
    public String getJobLib() { return jobLib; }
    public void setJobLib(String jobLib) { this.jobLib = jobLib; }
    public List<String> getJvmOptions() { return jvmOptions; }
    public boolean isClassDataSharing() { return classDataSharing; }
    public void setClassDataSharing(boolean classDataSharing) { this.classDataSharing = classDataSharing; }
    public void setJvmOptions(List<String> jvmOptions) { this.jvmOptions = jvmOptions; }
    public Map<String, String> getSparkConf() { return sparkConf; }
    public void setSparkConf(Map<String, String> sparkConf) { this.sparkConf = sparkConf; }
    public Map<String, String> getProducer() { return producer; }
    public void setProducer(Map<String, String> producer) { this.producer = producer; }
    public String getWorkDir() { return workDir; }
    public void setWorkDir(String workDir) { this.workDir = workDir; }
    public String getOnCorruptFile() { return onCorruptFile; }
    public void setOnCorruptFile(String onCorruptFile) { this.onCorruptFile = onCorruptFile; }
    public int getParallelPartitions() { return parallelPartitions; }
    public void setParallelPartitions(int parallelPartitions) { this.parallelPartitions = parallelPartitions; }
    public Duration getPartitionTimeout() { return partitionTimeout; }
    public void setPartitionTimeout(Duration partitionTimeout) { this.partitionTimeout = partitionTimeout; }
    public Duration getProgressInterval() { return progressInterval; }
    public void setProgressInterval(Duration progressInterval) { this.progressInterval = progressInterval; }
    public Fault getFault() { return fault; }
    public void setFault(Fault fault) { this.fault = fault; }
}
