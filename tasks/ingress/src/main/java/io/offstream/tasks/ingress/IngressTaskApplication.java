package io.offstream.tasks.ingress;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.task.configuration.EnableTask;

/** offstream-ingress: the second phase of a run. */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@EnableConfigurationProperties(IngressProperties.class)
public class IngressTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngressTaskApplication.class, args);
    }
}
