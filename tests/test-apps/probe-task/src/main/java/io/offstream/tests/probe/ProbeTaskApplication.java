package io.offstream.tests.probe;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * A boot2 Spring Batch task for platform tests: it sleeps, records what it was given, and
 * succeeds or fails on request, so tests can drive SCDF launches, composed graphs and restarts
 * with a real task process.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
public class ProbeTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProbeTaskApplication.class, args);
    }
}
