package io.offstream.tasks.diff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.tasks.support.engine.SparkJobSubmission;

/** Options of the diff phase ({@code offstream.diff.*}): what summary.json shows, and how the Spark diff job runs. */
@ConfigurationProperties(DiffProperties.PREFIX)
@Validated
public class DiffProperties {

    static final String PREFIX = "offstream.diff";

    /** How many changed keys summary.json shows with their differing values (the first in key order); 0 to 1000. */
    @Min(0)
    @Max(DiffJobOptions.MAX_SAMPLE_SIZE)
    private int sampleSize = 20; // DiffJobOptions.DEFAULT_SAMPLE_SIZE, written out so the dashboard shows it

    /** How the Spark job runs: child-jvm (embedded, Spark in local mode in a child JVM) or spark-submit (a cluster). */
    @NotNull
    private SparkJobSubmission.Engine engine = SparkJobSubmission.Engine.CHILD_JVM;

    /** Spark master: local[*] for the child JVM; spark://, yarn or k8s:// for spark-submit. */
    @NotNull
    private String master = "local[*]";

    /** SPARK_HOME of the Spark 4 installation whose bin/spark-submit submits the job (engine=spark-submit). */
    private String sparkHome;

    /** The Spark job module's jar; default: the one this task carries in its own jar, unpacked once under <java.io.tmpdir>/offstream-engines. */
    private String jobJar;

    /** Folder of the job's dependency jars; default: the carried engine-lib/ (child-jvm, Spark included) or app-lib/ (spark-submit). */
    private String jobLib;

    /** JVM options of the child JVM (or the driver's with spark-submit), in addition to the ones Spark needs on Java 17. */
    private List<String> jvmOptions = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseParallelGC"));

    /** The child JVM (child-jvm) maps its classes from an archive its first run records beside the job's jar: a faster start. */
    private boolean classDataSharing = true;

    /** Extra Spark settings (spark.*), e.g. spark.sql.shuffle.partitions for large landings. */
    private Map<String, String> sparkConf = new HashMap<>();

    /** Where the job's result file of each run is kept; default: <java.io.tmpdir>/offstream-diff. */
    private String workDir;

    /** How long the Spark job may run; 0 = no limit. */
    @NotNull
    private Duration timeout = Duration.ZERO;

    /** The engine options as the Spark submission takes them. */
    public SparkJobSubmission.Settings toSparkSettings() {
        return new SparkJobSubmission.Settings(PREFIX, engine, master, sparkHome, jobJar, jobLib, jvmOptions, classDataSharing, sparkConf);
    }

    public int getSampleSize() { return sampleSize; }
    public void setSampleSize(int sampleSize) { this.sampleSize = sampleSize; }
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
    public String getWorkDir() { return workDir; }
    public void setWorkDir(String workDir) { this.workDir = workDir; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
