package io.offstream.tasks.ingress;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.offstream.tasks.support.engine.SparkJobProperties;

/** Options of the ingress phase ({@code offstream.ingress.*}). */
@ConfigurationProperties("offstream.ingress")
public class IngressProperties extends SparkJobProperties {

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

    /** Fault injection for tests: settings that make one partition's job pause mid-way, to be killed from outside. */
    private Fault fault = new Fault();

    /** Fault injection for tests (never set in production). */
    public static class Fault {
        /** Partition date (yyyy-MM-dd) whose Spark job pauses. */
        private String pausePartition;
        /** Records the job sends before it pauses. */
        private long pauseAfterRows = 0;

        public String getPausePartition() { return pausePartition; }
        public void setPausePartition(String pausePartition) { this.pausePartition = pausePartition; }
        public long getPauseAfterRows() { return pauseAfterRows; }
        public void setPauseAfterRows(long pauseAfterRows) { this.pauseAfterRows = pauseAfterRows; }
    }

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
