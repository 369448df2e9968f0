package io.offstream.tasks.diff;

import java.nio.file.Path;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.contract.jobs.DiffJobResult;
import io.offstream.tasks.support.batch.StepCounts;
import io.offstream.tasks.support.batch.TaskExecutionIdHolder;
import io.offstream.tasks.support.batch.UniqueLaunchIncrementer;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.engine.SparkJobSubmission;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;

/**
 * The diff job: one step, {@code diff}, recorded in the ledger as phase DIFF ({@link RunDiff}). A
 * restart (or a new launch) runs the whole comparison again and replaces the output.
 */
@Configuration(proxyBeanMethods = false)
class DiffJobConfiguration {

    @Bean
    RunDiff runDiff(RunLedger ledger, ServicesProperties services, DiffProperties options) {
        EmbeddedEngineFiles carried = new EmbeddedEngineFiles(RunDiff.EMBEDDED, EmbeddedEngineFiles.defaultCache(), getClass().getClassLoader());
        Path work = options.getWorkDir() == null || options.getWorkDir().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "offstream-diff") : Path.of(options.getWorkDir());
        return new RunDiff(ledger, services, options, new SparkJobSubmission(options.toSparkSettings(), carried, RunDiff.JAR_PREFIX), work);
    }

    @Bean
    Job offstreamDiffJob(JobBuilderFactory jobs, Step diff, RunProperties run) {
        return jobs.get("offstreamDiffJob").incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey())).start(diff).build();
    }

    @Bean
    Step diff(StepBuilderFactory steps, RunProperties run, RunDiff runDiff, TaskExecutionIdHolder task) {
        return steps.get("diff").tasklet((contribution, context) -> {
            DiffJobResult result = runDiff.diff(runDiff.comparableRun(run.toParameters()), task.id());
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(result.summaryLine() + "; summary " + result.summary()));
            // read: both landings' rows; written: the keys that are not identical (changed/)
            StepCounts.record(context, result.rowsA() + result.rowsB(), result.changed() + result.onlyA() + result.onlyB(), 0);
            return RepeatStatus.FINISHED;
        }).build();
    }
}
