package io.offstream.dataflow.server.schedule;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.dataflow.core.TaskPlatform;
import org.springframework.cloud.dataflow.server.config.OnLocalPlatform;
import org.springframework.cloud.dataflow.server.config.features.SchedulerConfiguration;
import org.springframework.cloud.dataflow.server.service.TaskExecutionService;

import io.offstream.dataflow.server.launch.LaunchedProcesses;
import org.springframework.cloud.deployer.spi.scheduler.Scheduler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local platform's scheduler: Quartz with its JDBC job store in the server's own database.
 *
 * <p>SCDF never built a scheduler for its local platform; with schedules enabled it registers a
 * stub ({@code LocalSchedulerAutoConfiguration}) that refuses every schedule. This configuration
 * has the stub's conditions (schedules and tasks enabled, not on a cloud platform) and its place:
 * SCDF's {@code TaskConfiguration} puts the one {@link Scheduler} bean on every local launcher,
 * and the stub, being {@code @ConditionalOnMissingBean}, backs off. {@link LocalLauncherSchedulers}
 * then gives each local account its own view, and {@link LaunchCapturingPostProcessor} puts
 * {@link LaunchCapturingSchedulerService} in front of SCDF's {@code SchedulerService}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional({ OnLocalPlatform.class, SchedulerConfiguration.SchedulerConfigurationPropertyChecker.class })
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulingConfiguration {

    @Bean
    QuartzSchemaMigration quartzSchemaMigration(DataSource dataSource,
            ObjectProvider<FlywayMigrationInitializer> dataflowMigration) {
        return new QuartzSchemaMigration(dataSource, dataflowMigration);
    }

    @Bean
    SchedulerFactoryBean offstreamQuartzScheduler(DataSource dataSource, PlatformTransactionManager transactionManager,
            QuartzSchemaMigration schema, SchedulerProperties properties, ApplicationContext context) {
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName(QuartzSettings.SCHEDULER_NAME);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setQuartzProperties(QuartzSettings.of(properties, schema.database()));
        factory.setJobFactory(jobFactory);
        factory.setOverwriteExistingJobs(false);
        // A launch under way when the server stops is finished, not cut off half-done.
        factory.setWaitForJobsToCompleteOnShutdown(true);
        return factory;
    }

    @Bean
    QuartzScheduleStore quartzScheduleStore(org.quartz.Scheduler quartz, SchedulerProperties properties,
            PlatformTransactionManager transactionManager) {
        return new QuartzScheduleStore(quartz, properties, new TransactionTemplate(transactionManager));
    }

    /** The {@code default} account's scheduler; SCDF hands it to every local launcher, replacing the stub. */
    @Bean
    Scheduler localPlatformScheduler(QuartzScheduleStore store) {
        return new AccountScheduler(LaunchCapturingSchedulerService.DEFAULT_ACCOUNT, store);
    }

    @Bean
    LocalLauncherSchedulers localLauncherSchedulers(QuartzScheduleStore store, List<TaskPlatform> platforms) {
        return new LocalLauncherSchedulers(store, platforms);
    }

    @Bean
    static LaunchCapturingPostProcessor launchCapturingPostProcessor(ObjectProvider<LocalLauncherSchedulers> local,
            ObjectProvider<SchedulerProperties> properties) {
        return new LaunchCapturingPostProcessor(local, properties);
    }

    @Bean
    ScheduleFiring scheduleFiring(TaskExecutionService tasks, LaunchedProcesses running, SchedulerProperties properties) {
        return new ScheduleFiring(tasks, running, properties);
    }
}
