package io.offstream.tasks.plan;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.task.configuration.EnableTask;

/** offstream-plan: the first phase of a run. */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@EnableConfigurationProperties(PlanProperties.class)
public class PlanTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanTaskApplication.class, args);
    }
}
