package io.offstream.tasks.diff;

import java.time.Duration;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.tasks.support.engine.SparkJobProperties;
import io.offstream.tasks.support.engine.SparkJobSubmission;

/** Options of the diff phase ({@code offstream.diff.*}): what summary.json shows, and how the Spark diff job runs. */
@ConfigurationProperties(DiffProperties.PREFIX)
@Validated
public class DiffProperties extends SparkJobProperties {

    static final String PREFIX = "offstream.diff";

    /** How many changed keys summary.json shows with their differing values (the first in key order); 0 to 1000. */
    @Min(0)
    @Max(DiffJobOptions.MAX_SAMPLE_SIZE)
    private int sampleSize = 20; // DiffJobOptions.DEFAULT_SAMPLE_SIZE, written out so the dashboard shows it

    /** Where the job's result file of each run is kept; default: <java.io.tmpdir>/offstream-diff. */
    private String workDir;

    /** How long the Spark job may run; 0 = no limit. */
    @NotNull
    private Duration timeout = Duration.ZERO;

    /** The engine options as the Spark submission takes them. */
    public SparkJobSubmission.Settings toSparkSettings() {
        return toSparkSettings(PREFIX);
    }

    public int getSampleSize() { return sampleSize; }
    public void setSampleSize(int sampleSize) { this.sampleSize = sampleSize; }
    public String getWorkDir() { return workDir; }
    public void setWorkDir(String workDir) { this.workDir = workDir; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
