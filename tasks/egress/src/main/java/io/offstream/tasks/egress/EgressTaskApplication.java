package io.offstream.tasks.egress;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * offstream-egress: submits the Flink egress job for a drained run (a child JVM with a mini
 * cluster by default, a remote Flink cluster through its REST API when configured) and records
 * what it read, dropped as duplicates and landed.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
public class EgressTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgressTaskApplication.class, args);
    }
}
