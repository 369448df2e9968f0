package io.offstream.tasks.jobrepository;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.BatchConfigurer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration;
import org.springframework.boot.autoconfigure.batch.BatchProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives a task with a DataSource the {@link ReadCommittedBatchConfigurer}, before Boot's batch
 * auto-configuration would give its own (which it does only when no configurer is defined). A task
 * that defines its own {@link BatchConfigurer} keeps it.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class },
        before = BatchAutoConfiguration.class)
@ConditionalOnClass(JobRepository.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(BatchProperties.class)
public class JobRepositoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BatchConfigurer.class)
    ReadCommittedBatchConfigurer readCommittedBatchConfigurer(BatchProperties properties, DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        return new ReadCommittedBatchConfigurer(properties, dataSource, customizers.getIfAvailable());
    }
}
