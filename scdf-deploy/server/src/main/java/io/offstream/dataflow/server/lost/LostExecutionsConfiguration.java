package io.offstream.dataflow.server.lost;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.aggregate.task.TaskRepositoryContainer;
import org.springframework.cloud.dataflow.schema.service.SchemaService;
import org.springframework.cloud.dataflow.server.repository.JobRepositoryContainer;
import org.springframework.cloud.dataflow.server.service.JobExplorerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.offstream.dataflow.server.launch.LaunchedProcesses;

/** The sweep for lost task executions, on unless {@code offstream.lost-executions.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LostExecutionsProperties.class)
@ConditionalOnProperty(name = "offstream.lost-executions.enabled", matchIfMissing = true)
public class LostExecutionsConfiguration {

    @Bean
    LostExecutionRecorder lostExecutionRecorder(AggregateTaskExplorer explorer, TaskRepositoryContainer taskRepositories,
            JobExplorerContainer jobExplorers, JobRepositoryContainer jobRepositories) {
        return new LostExecutionRecorder(explorer, taskRepositories, jobExplorers, jobRepositories);
    }

    @Bean
    LostExecutionSweeper lostExecutionSweeper(SchemaService schemas, DataSource dataSource, LaunchedProcesses processes,
            LostExecutionRecorder recorder, LostExecutionsProperties properties) {
        return new LostExecutionSweeper(schemas, new JdbcTemplate(dataSource), processes, recorder, properties);
    }
}
