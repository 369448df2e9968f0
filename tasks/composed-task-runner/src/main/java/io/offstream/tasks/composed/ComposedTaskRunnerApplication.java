package io.offstream.tasks.composed;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.Import;

import io.offstream.dataflow.auth.DataFlowServerAuthentication;

/**
 * Offstream's composed task runner (CTR): SCDF 2.11.5 launches it for every composed task
 * definition with the graph of child definitions. It runs one Spring Batch job named after the
 * composed task, one step per child, each step launching its child through SCDF's REST API and
 * waiting for it, so the dashboard shows the children as steps and restarts a failed job at the
 * failed child.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
@Import(DataFlowServerAuthentication.class)
public class ComposedTaskRunnerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComposedTaskRunnerApplication.class, args);
    }
}
