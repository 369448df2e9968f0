package io.offstream.tasks.validate;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * offstream-validate: reconciles a run. Every source row must be explained as landed, rejected
 * at ingress or dead-lettered by the service; no key may land twice; every accepted key must
 * land. Writes a JSON report beside the landing and fails, naming what is missing, otherwise.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
public class ValidateTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ValidateTaskApplication.class, args);
    }
}
