package io.offstream.tasks.sample;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.task.configuration.EnableTask;

/** offstream-sample-warehouse: writes a deterministic sample Parquet dataset with known bad rows. */
@SpringBootApplication
@EnableTask
@EnableBatchProcessing
@EnableConfigurationProperties(SampleProperties.class)
public class SampleWarehouseApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleWarehouseApplication.class, args);
    }
}
