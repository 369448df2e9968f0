package io.offstream.tasks.diff;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * offstream-diff: compares a simulation's two versions. Once both versions' egress has landed, it
 * joins the baseline's landing (A) with the candidate's (B) by the record key and writes
 * {@code summary.json} and the differing keys under {@code <landing>/<baseline>/_diff/run=<key>/}.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@EnableConfigurationProperties(DiffProperties.class)
public class DiffTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiffTaskApplication.class, args);
    }
}
