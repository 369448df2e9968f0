package io.offstream.tasks.composed.child;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.core.launch.support.SimpleJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.Jackson2ExecutionContextStringSerializer;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import io.offstream.tasks.composed.ComposedTaskRunnerProperties;
import io.offstream.dataflow.client.ChildFollower;
import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.tasks.composed.graph.ChildStepFactory;
import io.offstream.tasks.composed.graph.ComposedJobFactory;
import io.offstream.tasks.composed.run.StopSignal;

/**
 * What the tests of one child's follow share: the job the runner builds for the graph
 * {@code ct-a}, over a real job repository (H2) and REST client, against a local SCDF stub.
 */
abstract class ChildJobTestSupport {

    static final Duration INTERVAL = Duration.ofMillis(100);

    /** Room for a loaded machine between "should have ended" and "did end". */
    static final Duration SLACK = Duration.ofSeconds(2);

    static final JobParameters PARAMETERS = new JobParametersBuilder().addLong("run.id", 1L).toJobParameters();

    final DataFlowServerStub scdf = DataFlowServerStub.start();

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
            .setType(EmbeddedDatabaseType.H2).addScript("classpath:org/springframework/batch/core/schema-h2.sql").build();

    final SimpleJobLauncher launcher = new SimpleJobLauncher();

    /** The composed task's stop signal, as SCDF's stop of the runner raises it. */
    final StopSignal stopSignal = new StopSignal(Duration.ofSeconds(1), event -> { });

    @AfterEach
    void close() {
        scdf.close();
        database.shutdown();
    }

    /** The job over the real client, against the stub, waiting without limit. */
    Job job(Duration serverUnreachableTimeout, Duration processGoneGrace) throws Exception {
        return job(new DataFlowClient(scdf.uri(), DataFlowAuthorization.none(), Duration.ofSeconds(2)), Duration.ZERO,
                serverUnreachableTimeout, processGoneGrace);
    }

    /** The job over any client (a fake in orchestration tests); a zero {@code maxWait} waits without limit. */
    Job job(DataFlowOperations client, Duration maxWait, Duration serverUnreachableTimeout, Duration processGoneGrace)
            throws Exception {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
        repositoryFactory.setDataSource(database);
        repositoryFactory.setTransactionManager(transactions);
        repositoryFactory.afterPropertiesSet();
        JobRepository repository = repositoryFactory.getObject();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();

        ComposedTaskRunnerProperties options = new ComposedTaskRunnerProperties("ct-a", scdf.uri(), "default", INTERVAL,
                maxWait, serverUnreachableTimeout, processGoneGrace, 1, true, Map.of(), Map.of(), null, null);
        ChildFollower follower = new ChildFollower(client, FollowSettings.of(options.intervalTimeBetweenChecks(),
                options.waitsWithoutLimit() ? null : options.maxWaitTime(), options.serverUnreachableTimeout(),
                options.lostProcessGrace()));
        ParentExecution parent = new ParentExecution();
        parent.onTaskStartup(new TaskExecution(7, null, "ct", new Date(), null, null, List.of(), null, null));
        ChildTaskTasklet.ChildTaskContext context = new ChildTaskTasklet.ChildTaskContext(new ChildLaunchPlanner("ct", options),
                client, follower, repository, parent, stopSignal, options,
                new ObjectMapper());
        return new ComposedJobFactory(new JobBuilderFactory(repository),
                new ChildStepFactory(new StepBuilderFactory(repository, transactions), context), new SyncTaskExecutor())
                .create("ct", options.graph());
    }

    /** The latest step's context as committed to the job repository: what a runner killed now leaves to its restart. */
    Map<String, Object> committedStepContext() throws IOException {
        String json = new JdbcTemplate(database).queryForObject("select SHORT_CONTEXT from BATCH_STEP_EXECUTION_CONTEXT "
                + "where STEP_EXECUTION_ID = (select max(STEP_EXECUTION_ID) from BATCH_STEP_EXECUTION)", String.class);
        return new Jackson2ExecutionContextStringSerializer().deserialize(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    CompletableFuture<JobExecution> runAsync(Job job) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.run(job, PARAMETERS);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
