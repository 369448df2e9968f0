package io.offstream.tasks.lagwait;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * offstream-lag-wait: the "drain" phase between ingress and egress. It waits until the service
 * consumer's group has committed every ingress offset the ingress phase recorded, so egress
 * never lands a run the service has not finished.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
public class LagWaitTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(LagWaitTaskApplication.class, args);
    }
}
