package io.offstream.tasks.composed.child;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.core.launch.support.SimpleJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import io.offstream.tasks.composed.ComposedTaskRunnerProperties;
import io.offstream.tasks.composed.dataflow.DataFlowTaskClient;
import io.offstream.tasks.composed.graph.ChildStepFactory;
import io.offstream.tasks.composed.graph.ComposedJobFactory;
import io.offstream.tasks.composed.run.StopSignal;

import static org.assertj.core.api.Assertions.assertThat;

/** A composed job of one child, followed through a local SCDF stub that goes away mid-follow. */
class ChildTaskServerUnreachableTests {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    /** Room for a loaded machine between "should have ended" and "did end". */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private static final JobParameters PARAMETERS = new JobParametersBuilder().addLong("run.id", 1L).toJobParameters();

    private final DataFlowServerStub scdf = DataFlowServerStub.start();

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
            .setType(EmbeddedDatabaseType.H2).addScript("classpath:org/springframework/batch/core/schema-h2.sql").build();

    private final SimpleJobLauncher launcher = new SimpleJobLauncher();

    @AfterEach
    void close() {
        scdf.close();
        database.shutdown();
    }

    @Test
    void stepFailsNamingTheServerWhenItStaysUnreachableLongerThanTheTimeout() throws Exception {
        Duration timeout = Duration.ofSeconds(1);
        Job job = job(timeout);
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.stop();
        long stopped = System.nanoTime();
        JobExecution execution = run.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution step = execution.getStepExecutions().iterator().next();
        assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step.getFailureExceptions()).singleElement().isInstanceOf(ServerUnreachableException.class);
        String message = step.getFailureExceptions().get(0).getMessage();
        assertThat(message).startsWith("SCDF server " + scdf.uri() + " unreachable for ")
                .containsPattern("unreachable for \\d+\\.\\d s \\(server-unreachable-timeout 1\\.0 s\\)")
                .contains("child ct-a (task execution 42)").doesNotContain("\n");
        assertThat(step.getExitStatus().getExitDescription().lines().findFirst()).hasValueSatisfying(
                line -> assertThat(line).endsWith(message));
        assertThat(message).contains("last error: java.net.ConnectException: Connection refused");
        assertThat(step.getExecutionContext().getLong(ChildOutcome.EXECUTION_ID_KEY)).isEqualTo(DataFlowServerStub.CHILD_ID);
        assertThat(took).isGreaterThan(timeout).isLessThan(timeout.plus(INTERVAL).plus(SLACK));
    }

    @Test
    void followContinuesAndCompletesWhenTheServerIsBackBeforeTheTimeout() throws Exception {
        Job job = job(Duration.ofSeconds(5));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.stop();
        Thread.sleep(1500);
        scdf.endChild();
        scdf.restart();

        JobExecution execution = run.get(30, TimeUnit.SECONDS);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void restartFollowsTheRecordedChildWithoutLaunchingItAgain() throws Exception {
        Job job = job(Duration.ofMillis(500));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();
        scdf.stop();
        JobExecution failed = run.get(30, TimeUnit.SECONDS);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        scdf.endChild();
        scdf.restart();
        JobExecution restarted = launcher.run(job, PARAMETERS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(scdf.launches).hasValue(1);
    }

    @Test
    void aChildTheServerDoesNotKnowFailsTheStepAtOnceRatherThanCountingAsUnreachable() throws Exception {
        Job job = job(Duration.ofMinutes(5));
        CompletableFuture<JobExecution> run = runAsync(job);
        assertThat(scdf.followed.await(20, TimeUnit.SECONDS)).isTrue();

        scdf.forgetChild();
        JobExecution execution = run.get(10, TimeUnit.SECONDS);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        Throwable failure = execution.getStepExecutions().iterator().next().getFailureExceptions().get(0);
        assertThat(failure).isNotInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("answered 404 for child ct-a (task execution 42)");
    }

    /** The job the runner builds for the graph {@code ct-a}, over a real job repository (H2) and REST client. */
    private Job job(Duration serverUnreachableTimeout) throws Exception {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
        repositoryFactory.setDataSource(database);
        repositoryFactory.setTransactionManager(transactions);
        repositoryFactory.afterPropertiesSet();
        JobRepository repository = repositoryFactory.getObject();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();

        ComposedTaskRunnerProperties options = new ComposedTaskRunnerProperties("ct-a", scdf.uri(), "default", INTERVAL,
                Duration.ZERO, serverUnreachableTimeout, 1, true, Map.of(), Map.of(), null, null);
        DataFlowTaskClient client = new DataFlowTaskClient(new RestTemplateBuilder().setConnectTimeout(Duration.ofSeconds(1))
                .setReadTimeout(Duration.ofSeconds(2)).build(), scdf.uri());
        ParentExecution parent = new ParentExecution();
        parent.onTaskStartup(new TaskExecution(7, null, "ct", new Date(), null, null, List.of(), null, null));
        ChildTaskTasklet.ChildTaskContext context = new ChildTaskTasklet.ChildTaskContext(new ChildLaunchPlanner("ct", options),
                client, repository, parent, new StopSignal(Duration.ofSeconds(1), event -> { }), options, new ObjectMapper());
        return new ComposedJobFactory(new JobBuilderFactory(repository),
                new ChildStepFactory(new StepBuilderFactory(repository, transactions), context), new SyncTaskExecutor())
                .create("ct", options.graph());
    }

    private CompletableFuture<JobExecution> runAsync(Job job) {
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
