package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressJobOptionsException;
import io.offstream.contract.jobs.EgressJobResult;
import io.offstream.contract.jobs.ParentWatch;
import io.offstream.contract.service.HadoopCatalogueFiles;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the Flink egress job: lands a run's egress topic as Parquet, one row per record key,
 * with the landing schema of the service's catalogue entry ({@code --services-location}, {@code --service}).
 * As {@code java <opts> -jar offstream-flink-egress-job-*-all.jar <args>} it runs on an in-process
 * mini cluster; under {@code flink run} it runs on that cluster. Exit code 0: landed; 1: the job
 * failed (the result file says why); 2: bad options.
 */
public final class FlinkEgressJob {

    /** How often the running job's records read are printed for the egress task. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_OPTIONS = 2;

    private static final Logger log = LoggerFactory.getLogger(FlinkEgressJob.class);

    private FlinkEgressJob() {
    }

    public static void main(String[] args) {
        ParentWatch.start();
        System.exit(run(args));
    }

    /** Parses, runs and reports; returns the exit code instead of exiting. */
    public static int run(String... args) {
        EgressJobOptions options;
        try {
            options = EgressJobOptions.parse(args);
        } catch (EgressJobOptionsException e) {
            System.err.println(e.getMessage());
            return EXIT_BAD_OPTIONS;
        }
        try {
            EgressJobResult result = run(options);
            return result.succeeded() ? EXIT_OK : EXIT_FAILED;
        } catch (EgressJobOptionsException e) {
            System.err.println(e.getMessage());
            return EXIT_BAD_OPTIONS;
        }
    }

    /**
     * Runs the job for validated options and writes the result file (when asked). Returns the result,
     * failed or not; throws only {@link EgressJobOptionsException} when the service's catalogue entry
     * cannot be used, the stopping offsets do not fit the topic, or a remote cluster has no jar to ship.
     */
    public static EgressJobResult run(EgressJobOptions options) {
        Instant started = Instant.now();
        log.info("Flink egress job starting: {}", options.describe());
        ServiceSchemas schemas = loadService(options);
        Optional<Path> jobJar = jobJar(options);
        RunDirectoryCommitter committer = new RunDirectoryCommitter(options);
        StoppingOffsetsResolver.Resolved stopAt = null;
        EgressJobResult result;
        try {
            stopAt = new StoppingOffsetsResolver(options).resolve();
            log.info("Reading {} from earliest to {} ({})", options.topic(), stopAt.offsets(),
                    stopAt.given() ? "given" : "read_committed end offsets now");
            URI staging = committer.prepare();

            StreamExecutionEnvironment env = environment(options, jobJar);
            env.setParallelism(options.parallelism());
            EgressPipeline.build(env, options, schemas, stopAt.offsets(), staging);
            long toRead = stopAt.offsets().upperBoundOfRecords();
            JobExecutionResult execution = JobProgress.await(env.executeAsync("offstream-egress " + options.service() + " "
                    + options.runKey()), toRead, PROGRESS_INTERVAL);
            if (!execution.isJobExecutionResult()) {
                throw new DetachedSubmissionException(execution.getJobID().toString());
            }

            long read = counter(execution, CountRead.RECORDS_READ);
            long duplicates = counter(execution, LowestOffsetWins.DUPLICATES_DROPPED);
            SortedMap<String, Long> landedByDt = landedByDt(execution.getAllAccumulatorResults());
            long landed = landedByDt.values().stream().mapToLong(Long::longValue).sum();
            if (read != landed + duplicates) {
                throw new IllegalStateException("Counts disagree: read " + read + " != landed " + landed
                        + " + duplicates dropped " + duplicates + "; the run directory was not replaced");
            }
            committer.commit();
            result = result(options, EgressJobResult.SUCCEEDED, stopAt, read, duplicates, landedByDt, 0, started,
                    execution.getNetRuntime(), null);
            log.info("Flink egress job landed {} rows in {} ({} read, {} duplicates dropped, {} ms in all, {} ms "
                    + "in the Flink job, {} rows/s): {}", landed, options.runDirectory(), read, duplicates,
                    result.durationMillis(), result.jobNetRuntimeMillis(), result.rowsPerSecond(), landedByDt);
        } catch (EgressJobOptionsException e) {
            throw e;
        } catch (DetachedSubmissionException e) {
            log.error(e.getMessage());
            result = result(options, EgressJobResult.FAILED, stopAt, 0, 0, new TreeMap<>(), 0, started, 0, e.getMessage());
        } catch (Exception e) {
            UndecodableRecordException undecodable = findCause(e, UndecodableRecordException.class);
            String error = undecodable != null ? undecodable.getMessage() : describe(e);
            if (undecodable != null) {
                log.error("Flink egress job failed: {}", error);
            } else {
                log.error("Flink egress job failed: {}", error, e);
            }
            committer.discardAttempt();
            result = result(options, EgressJobResult.FAILED, stopAt, 0, 0, new TreeMap<>(),
                    undecodable != null ? 1 : 0, started, 0, error);
        }
        writeResultFile(options, result);
        return result;
    }

    /**
     * The service's catalogue entry, read through Hadoop (file://, hdfs://, ...), and its landing schema
     * checked, before anything touches Kafka or the landing.
     */
    static ServiceSchemas loadService(EgressJobOptions options) {
        try {
            ServiceDefinition service = new ServiceCatalogue(options.servicesLocation(),
                    new HadoopCatalogueFiles(new org.apache.hadoop.conf.Configuration())).load(options.service());
            ServiceSchemas schemas = ServiceSchemas.of(service);
            log.info("Service {}: key {}, landed columns {}", service.name(), service.descriptor().key(),
                    schemas.landingRows().landingSchema().getFields().stream().map(Schema.Field::name).toList());
            return schemas;
        } catch (RuntimeException e) {
            throw new EgressJobOptionsException(List.of("--service " + options.service() + " in --services-location "
                    + options.servicesLocation() + ": " + e.getMessage()));
        }
    }

    /** The jar shipped to a remote cluster: the one given, else the one this class runs from. */
    static Optional<Path> jobJar(EgressJobOptions options) {
        Optional<Path> jar = options.jobJar().or(FlinkEgressJob::ownJar);
        if (options.flinkRest().isPresent() && jar.isEmpty()) {
            throw new EgressJobOptionsException(List.of(
                    "--flink-rest needs --job-jar (the fat jar to ship) when the job does not run from a jar"));
        }
        return jar;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(FlinkEgressJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The embedded mini cluster (plain {@code java}), the cluster of {@code flink run} (its context
     * environment), or a remote cluster's REST endpoint ({@code --flink-rest}, shipping the job jar).
     */
    static StreamExecutionEnvironment environment(EgressJobOptions options, Optional<Path> jobJar) {
        if (options.flinkRest().isPresent()) {
            URI rest = options.flinkRest().get();
            Configuration configuration = jobConfiguration();
            if ("https".equals(rest.getScheme())) {
                configuration.setString("security.ssl.rest.enabled", "true");
            }
            return StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort(), configuration,
                    jobJar.orElseThrow().toString());
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
    }

    /**
     * Under a detached submission (e.g. the REST API's jar run) {@code execute} returns before the job
     * ends, so its counts cannot be checked nor its staging committed here; the attempt is left as it is.
     */
    static final class DetachedSubmissionException extends Exception {
        DetachedSubmissionException(String jobId) {
            super("Flink job " + jobId + " was submitted detached: this entry point must run attached (java -jar, "
                    + "flink run without -d, or --flink-rest) so that it can check the counts and commit the landing; "
                    + "its output stays in staging and is removed by the next attempt");
        }
    }

    /** BATCH execution (bounded input, FileSink commits at the end), no restarts (a failure is reported), no Kryo. */
    static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // every type has a Flink or Avro serializer; refusing Kryo keeps Java 17 --add-opens optional
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }

    private static EgressJobResult result(EgressJobOptions options, String status,
                                          StoppingOffsetsResolver.Resolved stopAt, long read, long duplicates,
                                          SortedMap<String, Long> landedByDt, long undecodable,
                                          Instant started, long jobNetRuntimeMillis, String error) {
        Instant finished = Instant.now();
        long millis = Math.max(1, Duration.between(started, finished).toMillis());
        long landed = landedByDt.values().stream().mapToLong(Long::longValue).sum();
        return new EgressJobResult(status, options.service(), options.runKey(), options.topic(),
                options.runDirectory().toString(), options.attemptId(),
                stopAt == null ? new TreeMap<>() : new TreeMap<>(stopAt.offsets().byPartition()),
                stopAt != null && stopAt.given(), read, duplicates, landed, landedByDt, undecodable,
                started.toString(), finished.toString(), millis, jobNetRuntimeMillis, read * 1000 / millis, error);
    }

    private static void writeResultFile(EgressJobOptions options, EgressJobResult result) {
        options.resultFile().ifPresent(file -> {
            try {
                result.writeTo(file);
                log.info("Result written to {}", file);
            } catch (Exception e) {
                log.error("Cannot write the result file {}: {}", file, e.toString());
            }
        });
    }

    private static long counter(JobExecutionResult execution, String name) {
        Object value = execution.getAllAccumulatorResults().get(name);
        return value == null ? 0L : ((Number) value).longValue();
    }

    static SortedMap<String, Long> landedByDt(Map<String, Object> accumulators) {
        SortedMap<String, Long> byDt = new TreeMap<>();
        accumulators.forEach((name, value) -> {
            if (name.startsWith(CountLanded.LANDED_PREFIX)) {
                byDt.put(name.substring(CountLanded.LANDED_PREFIX.length()), ((Number) value).longValue());
            }
        });
        return byDt;
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The error and its root cause, first lines only: a remote error message can carry a whole stack trace. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = firstLine(error.toString());
        if (root != error) {
            text += " (cause: " + firstLine(root.toString()) + ")";
        }
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
