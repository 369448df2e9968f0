package io.offstream.tasks.support.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often a phase records its progress points in the ledger ({@code offstream.progress.*}). */
@ConfigurationProperties("offstream.progress")
public class ProgressProperties {

    /** Time between two points of a phase's time series (rows done, consumer lag). */
    private Duration sampleInterval = Duration.ofSeconds(5);

    public Duration getSampleInterval() { return sampleInterval; }
    public void setSampleInterval(Duration sampleInterval) { this.sampleInterval = sampleInterval; }
}
