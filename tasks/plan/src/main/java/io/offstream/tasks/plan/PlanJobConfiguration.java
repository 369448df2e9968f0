package io.offstream.tasks.plan;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.tasks.support.batch.StepCounts;
import io.offstream.tasks.support.batch.TaskExecutionIdHolder;
import io.offstream.tasks.support.batch.UniqueLaunchIncrementer;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The plan job: step {@code validate} (read-only checks) then step {@code plan} (pin the
 * manifest, create the topics). A failed validate leaves nothing behind.
 */
@Configuration(proxyBeanMethods = false)
class PlanJobConfiguration {

    @Bean
    RunPlanner runPlanner(RunProperties run, PlanProperties plan, KafkaProperties kafka, RunLedger ledger,
            io.offstream.tasks.support.catalogue.ServicesProperties services) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        return new RunPlanner(run, plan, kafka, ledger, new DatasetSnapshot(hadoop), services, new DatasetColumns(hadoop));
    }

    @Bean
    Job offstreamPlanJob(JobBuilderFactory jobs, Step validateRun, Step planRun, RunProperties run) {
        return jobs.get("offstreamPlanJob")
                // bad run arguments stop the launch here, before a job execution exists, as in every phase
                .incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey()))
                .start(validateRun).next(planRun).build();
    }

    @Bean
    Step validateRun(StepBuilderFactory steps, RunPlanner planner) {
        return steps.get("validate").tasklet((contribution, context) -> {
            RunPlanner.Validated validated = planner.validate();
            StepCounts.record(context, pinnedFiles(validated), 0, 0);
            return RepeatStatus.FINISHED;
        }).build();
    }

    @Bean
    Step planRun(StepBuilderFactory steps, RunPlanner planner, TaskExecutionIdHolder task) {
        return steps.get("plan").tasklet((contribution, context) -> {
            RunPlanner.Validated validated = planner.validate();
            planner.plan(validated, task.id());
            StepCounts.record(context, pinnedFiles(validated), validated.partitions().size(), 0);
            return RepeatStatus.FINISHED;
        }).allowStartIfComplete(false).build();
    }

    /** The dashboard's counts of plan: files listed (read), partitions pinned (written). */
    private static long pinnedFiles(RunPlanner.Validated validated) {
        return validated.partitions().stream().mapToLong(p -> p.files().size()).sum();
    }
}
