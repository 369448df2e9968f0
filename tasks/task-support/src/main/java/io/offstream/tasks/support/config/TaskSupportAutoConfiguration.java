package io.offstream.tasks.support.config;

import javax.sql.DataSource;

import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.cloud.task.repository.TaskExplorer;
import org.springframework.core.env.Environment;

import io.offstream.tasks.support.batch.FailureExitMessage;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LeaseOwner;
import io.offstream.tasks.support.ledger.LedgerProperties;
import io.offstream.tasks.support.ledger.LedgerSchema;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * What every phase task gets by depending on task-support: {@code offstream.run.*} and
 * {@code offstream.kafka.*} bound, and a {@link RunLedger} over the task's datasource with the
 * ledger schema migrated.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties({RunProperties.class, KafkaProperties.class, ServicesProperties.class,
        io.offstream.tasks.support.progress.ProgressProperties.class, LedgerProperties.class})
public class TaskSupportAutoConfiguration {

    /** Wires the landing and catalogue defaults from {@code offstream.home} (or OFFSTREAM_HOME), else the working directory. */
    TaskSupportAutoConfiguration(RunProperties run, ServicesProperties services, Environment environment) {
        String home = environment.getProperty("offstream.home", System.getProperty("user.dir"));
        run.defaultLanding(java.nio.file.Path.of(home, ".offstream", "landing").toString());
        services.defaultLocation(java.nio.file.Path.of(home, "schemas", "services").toString());
    }

    @Bean
    @ConditionalOnMissingBean
    io.offstream.tasks.support.batch.TaskExecutionIdHolder taskExecutionIdHolder() {
        return new io.offstream.tasks.support.batch.TaskExecutionIdHolder();
    }

    /** A failed phase's one-line reason as its task exit message, for the dashboard and run-demo.sh. */
    @Bean
    @ConditionalOnMissingBean
    FailureExitMessage failureExitMessage(ObjectProvider<TaskExplorer> tasks, ObjectProvider<JobExplorer> jobs) {
        return new FailureExitMessage(tasks, jobs);
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    RunLedger runLedger(DataSource dataSource, LedgerProperties ledger) {
        LedgerSchema.migrate(dataSource);
        return new RunLedger(dataSource, LeaseOwner.current(), ledger.leaseTtl());
    }

    /** The dispatch tables; the schema is migrated with the run ledger's. */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    io.offstream.tasks.support.ledger.DispatchLedger dispatchLedger(DataSource dataSource, RunLedger migratedFirst) {
        return new io.offstream.tasks.support.ledger.DispatchLedger(dataSource);
    }
}
