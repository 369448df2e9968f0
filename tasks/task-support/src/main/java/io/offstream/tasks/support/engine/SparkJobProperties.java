package io.offstream.tasks.support.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a phase task that runs a Spark job, under the task's own prefix
 * ({@code offstream.ingress.engine}, {@code offstream.diff.master}, ...): where the job runs and
 * from which files. A task's {@code @ConfigurationProperties} class extends it.
 */
public abstract class SparkJobProperties {

    /** How the Spark job runs: child-jvm (embedded, Spark in local mode in a child JVM) or spark-submit (a cluster). */
    private SparkJobSubmission.Engine engine = SparkJobSubmission.Engine.CHILD_JVM;

    /** Spark master: local[*] for the child JVM; spark://, yarn or k8s:// for spark-submit. */
    private String master = "local[*]";

    /** SPARK_HOME of the Spark 4 installation whose bin/spark-submit submits the job (engine=spark-submit). */
    private String sparkHome;

    /** The Spark job's jar; default: the one this task carries in its own jar, unpacked once under <java.io.tmpdir>/offstream-engines. */
    private String jobJar;

    /** Folder of the job's dependency jars; default: the carried engine-lib/ (child-jvm, Spark included) or app-lib/ (spark-submit). */
    private String jobLib;

    /** JVM options of the child JVM (or the driver's with spark-submit), in addition to the ones Spark needs on Java 17. */
    private List<String> jvmOptions = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseParallelGC"));

    /** The child JVM (child-jvm) maps its classes from an archive its first run records beside the job's jar: a faster start. */
    private boolean classDataSharing = true;

    /** Extra Spark settings (spark.*), e.g. spark.executor.memory or spark.sql.shuffle.partitions. */
    private Map<String, String> sparkConf = new HashMap<>();

    /** These options as the Spark submission takes them; {@code optionPrefix} names the options in its messages. */
    public SparkJobSubmission.Settings toSparkSettings(String optionPrefix) {
        return new SparkJobSubmission.Settings(optionPrefix, engine, master, sparkHome, jobJar, jobLib, jvmOptions, classDataSharing,
                sparkConf);
    }

    public SparkJobSubmission.Engine getEngine() { return engine; }
    public void setEngine(SparkJobSubmission.Engine engine) { this.engine = engine; }
    public String getMaster() { return master; }
    public void setMaster(String master) { this.master = master; }
    public String getSparkHome() { return sparkHome; }
    public void setSparkHome(String sparkHome) { this.sparkHome = sparkHome; }
    public String getJobJar() { return jobJar; }
    public void setJobJar(String jobJar) { this.jobJar = jobJar; }
    public String getJobLib() { return jobLib; }
    public void setJobLib(String jobLib) { this.jobLib = jobLib; }
    public List<String> getJvmOptions() { return jvmOptions; }
    public void setJvmOptions(List<String> jvmOptions) { this.jvmOptions = jvmOptions; }
    public boolean isClassDataSharing() { return classDataSharing; }
    public void setClassDataSharing(boolean classDataSharing) { this.classDataSharing = classDataSharing; }
    public Map<String, String> getSparkConf() { return sparkConf; }
    public void setSparkConf(Map<String, String> sparkConf) { this.sparkConf = sparkConf; }
}
