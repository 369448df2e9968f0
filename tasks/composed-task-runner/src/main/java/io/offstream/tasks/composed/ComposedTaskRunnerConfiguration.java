package io.offstream.tasks.composed;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.offstream.dataflow.client.ChildFollower;
import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.tasks.composed.child.ChildLaunchPlanner;
import io.offstream.tasks.composed.child.ChildTaskTasklet;
import io.offstream.tasks.composed.child.ParentExecution;
import io.offstream.tasks.composed.graph.ChildStepFactory;
import io.offstream.tasks.composed.graph.ComposedJobFactory;
import io.offstream.tasks.composed.run.ComposedJobRunner;
import io.offstream.tasks.composed.run.StopSignal;

/** Wires the runner: the job compiled from the graph, the REST client, the run and stop handling. */
@Configuration(proxyBeanMethods = false)
class ComposedTaskRunnerConfiguration {

    /** The composed task's name names the job, as SCDF's dashboard expects. */
    @Value("${spring.cloud.task.name:${spring.application.name:composed-task-runner}}")
    private String composedTaskName;

    @Bean
    ParentExecution parentExecution() {
        return new ParentExecution();
    }

    @Bean
    StopSignal stopSignal(ApplicationEventPublisher events) {
        return new StopSignal(Duration.ofSeconds(20), events);
    }

    @Bean
    DataFlowClient dataFlowClient(ComposedTaskRunnerProperties options, DataFlowAuthorization authorization) {
        return new DataFlowClient(options.dataflowServerUri(), authorization, Duration.ofSeconds(60));
    }

    /** Follows each child: polls every interval, fails it past max-wait-time, server silence or a lost process. */
    @Bean
    ChildFollower childFollower(DataFlowClient client, ComposedTaskRunnerProperties options) {
        return new ChildFollower(client, followSettings(options));
    }

    static FollowSettings followSettings(ComposedTaskRunnerProperties options) {
        return FollowSettings.of(options.intervalTimeBetweenChecks(), options.waitsWithoutLimit() ? null : options.maxWaitTime(),
                options.serverUnreachableTimeout(), options.lostProcessGrace());
    }

    @Bean
    ThreadPoolTaskExecutor splitExecutor(ComposedTaskRunnerProperties options) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(options.splitThreadCorePoolSize());
        executor.setMaxPoolSize(options.splitThreadCorePoolSize());
        executor.setThreadNamePrefix("split-");
        // idle pool threads must not keep the runner's JVM alive after its job ended: a live
        // process holds its platform's task slot (SCDF counts processes) until someone kills it
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    Job composedJob(JobBuilderFactory jobs, StepBuilderFactory steps, ComposedTaskRunnerProperties options,
            DataFlowClient client, ChildFollower follower, JobRepository jobRepository, ParentExecution parent, StopSignal stopSignal,
            ObjectMapper json, ThreadPoolTaskExecutor splitExecutor) {
        ChildTaskTasklet.ChildTaskContext context = new ChildTaskTasklet.ChildTaskContext(
                new ChildLaunchPlanner(composedTaskName, options), client, follower, jobRepository, parent, stopSignal, options, json);
        return new ComposedJobFactory(jobs, new ChildStepFactory(steps, context), splitExecutor)
                .create(composedTaskName, options.graph());
    }

    @Bean
    ComposedJobRunner composedJobRunner(Job composedJob, JobLauncher launcher, JobRepository repository,
            ParentExecution parent, StopSignal stopSignal, ComposedTaskRunnerProperties options) {
        return new ComposedJobRunner(composedJob, launcher, repository, parent, stopSignal, options.incrementInstanceEnabled());
    }
}
