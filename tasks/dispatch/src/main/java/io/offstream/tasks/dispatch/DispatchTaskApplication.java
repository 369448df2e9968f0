package io.offstream.tasks.dispatch;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.Import;

import io.offstream.dataflow.auth.DataFlowServerAuthentication;

/**
 * offstream-dispatch: runs one long date range as several offstream-run children spread over
 * regions by headroom. A Spring Batch job of three steps (split, run-children, reconcile), each
 * idempotent against the ledger, so SCDF's restart resumes where it stopped and never
 * relaunches a child that passed.
 */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@ConfigurationPropertiesScan
@Import(DataFlowServerAuthentication.class)
public class DispatchTaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DispatchTaskApplication.class, args);
    }
}
