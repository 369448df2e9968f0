package io.offstream.tasks.dispatch;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowClient;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.tasks.dispatch.supervise.RegionChildTracker;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.tasks.dispatch.plan.DispatchPlanner;
import io.offstream.tasks.dispatch.reconcile.DispatchReconciler;
import io.offstream.tasks.dispatch.scdf.RegionDataFlows;
import io.offstream.tasks.dispatch.scdf.RegionDefinitions;
import io.offstream.tasks.dispatch.supervise.ChildSupervisor;
import io.offstream.tasks.support.batch.StepCounts;
import io.offstream.tasks.support.batch.UniqueLaunchIncrementer;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.ChildStatus;
import io.offstream.tasks.support.ledger.DispatchChild;
import io.offstream.tasks.support.ledger.DispatchLedger;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;

/**
 * The dispatch job: {@code split} (children recorded in the ledger), {@code run-children}
 * (placed, launched, followed, re-routed), {@code reconcile} (every child passed, every day
 * covered once). SCDF's restart reruns the failed step; each is idempotent against the ledger.
 */
@Configuration(proxyBeanMethods = false)
class DispatchJobConfiguration {

    private static final long MIN_PROCESS_GONE_GRACE_SECONDS = 10;

    @Bean
    RegionRegistryClient regionRegistryClient(DispatchProperties settings) {
        return new RegionRegistryClient(settings.registryUrl(), Duration.ofSeconds(30), settings.registryUser(),
                settings.registryPassword());
    }

    @Bean
    ChildSupervisor childSupervisor(DispatchLedger dispatches, RunLedger runs, RegionRegistryClient registry,
            DispatchProperties settings, DataFlowAuthorization authorization, ServicesProperties services) {
        RegionDataFlows dataFlows = new RegionDataFlows(url -> new DataFlowClient(url, authorization, Duration.ofSeconds(60)));
        return new ChildSupervisor(dispatches, runs, registry, dataFlows, new RegionChildTracker(dataFlows, followSettings(settings)),
                new RegionDefinitions(), settings, services.locationUri());
    }

    /**
     * A child's region may be silent for platform-timeout; its process may be gone without an end
     * for two polls, at least {@value #MIN_PROCESS_GONE_GRACE_SECONDS} s, before it counts as lost.
     */
    static FollowSettings followSettings(DispatchProperties settings) {
        Duration twoPolls = settings.pollInterval().multipliedBy(2);
        Duration minimum = Duration.ofSeconds(MIN_PROCESS_GONE_GRACE_SECONDS);
        return FollowSettings.of(settings.pollInterval(), null, settings.platformTimeout(),
                twoPolls.compareTo(minimum) > 0 ? twoPolls : minimum);
    }

    @Bean
    Job offstreamDispatchJob(JobBuilderFactory jobs, Step split, Step runChildren, Step reconcile, RunProperties run) {
        return jobs.get("offstreamDispatchJob")
                .incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey()))
                .start(split).next(runChildren).next(reconcile).build();
    }

    @Bean
    Step split(StepBuilderFactory steps, DispatchLedger dispatches, DispatchProperties settings, RunProperties run) {
        DispatchPlanner planner = new DispatchPlanner(dispatches, settings);
        return steps.get("split").tasklet((contribution, context) -> {
            int children = planner.split(run.toParameters()).size();
            StepCounts.record(context, 0, children, 0);
            return RepeatStatus.FINISHED;
        }).build();
    }

    @Bean
    Step runChildren(StepBuilderFactory steps, ChildSupervisor supervisor, RunProperties run) {
        return steps.get("run-children").tasklet((contribution, context) -> {
            List<DispatchChild> children = supervisor.superviseUntilSettled(run.toParameters());
            long passed = children.stream().filter(c -> c.status() == ChildStatus.PASSED).count();
            StepCounts.record(context, children.size(), passed, children.size() - passed);
            return RepeatStatus.FINISHED;
        }).build();
    }

    @Bean
    Step reconcile(StepBuilderFactory steps, DispatchLedger dispatches, RunLedger runs, DispatchProperties settings,
            RunProperties run) {
        DispatchReconciler reconciler = new DispatchReconciler(dispatches, runs, settings.requireValidation());
        return steps.get("reconcile").tasklet((contribution, context) -> {
            reconciler.reconcile(run.toParameters());
            return RepeatStatus.FINISHED;
        }).build();
    }
}
