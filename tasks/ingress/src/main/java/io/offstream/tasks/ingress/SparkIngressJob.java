package io.offstream.tasks.ingress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.engine.SparkJobSubmission;

/** The Spark ingress job's submission from the ingress options: jar, classpath, JVM options, Spark settings. */
class SparkIngressJob {

    static final String MAIN_CLASS = "io.offstream.tasks.ingress.spark.IngressSparkJob";

    /** Where the task jar packs the job (see pom.xml): the job's jar, engine-lib/ and app-lib/. */
    static final String EMBEDDED = "spark-ingress-job";

    private final IngressProperties options;

    private final SparkJobSubmission spark;

    SparkIngressJob(IngressProperties options, EmbeddedEngineFiles embedded) {
        this.options = options;
        this.spark = new SparkJobSubmission(options.toSparkSettings("offstream.ingress"), embedded, "offstream-spark-ingress-job-");
    }

    EngineSubmitter submitter() {
        return spark.submitter();
    }

    /** The submission of one application that ingests {@code partitions} partitions (the timeout is per partition). */
    EngineJob job(String name, List<String> args, Path workDir, int partitions) throws IOException {
        return spark.job(name, MAIN_CLASS, args, workDir, options.getPartitionTimeout().multipliedBy(partitions));
    }
}
