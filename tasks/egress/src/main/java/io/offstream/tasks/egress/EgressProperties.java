package io.offstream.tasks.egress;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Flink egress job is run ({@code offstream.egress.*}).
 *
 * @param jobJar          the Flink job's fat jar; default: the one this task carries
 *                        in its own jar, unpacked once under {@code <java.io.tmpdir>/offstream-engines}
 * @param jvmOptions      options of the child JVM (Flink's own set for Java 17)
 * @param parallelism     the job's parallelism; 0 (the default): from the run's topic, one subtask per partition of the
 *                        egress topic, at most one per core for the embedded mini cluster
 * @param flinkRest       a remote Flink cluster's REST URL; empty or {@code embedded}: an embedded mini cluster
 * @param timeout         the longest the job may run (0: no limit)
 * @param requireDrained  refuse to land a run whose lag-wait phase has not completed
 * @param workDirectory   where result files are written; default {@code <java.io.tmpdir>/offstream-egress}
 * @param classDataSharing the embedded Flink JVM maps its classes from an archive recorded by its first run
 *                        (beside the job's jar): a faster start
 */
@ConfigurationProperties("offstream.egress")
@ConstructorBinding
@Validated
public record EgressProperties(
        Path jobJar,
        @NotNull @DefaultValue({"-Xmx1g", "-XX:+IgnoreUnrecognizedVMOptions",
                "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"}) List<String> jvmOptions,
        @Min(0) @DefaultValue("0") int parallelism,
        String flinkRest,
        @NotNull @DefaultValue("0s") Duration timeout,
        @DefaultValue("true") boolean requireDrained,
        Path workDirectory,
        @DefaultValue("true") boolean classDataSharing) {

    /** The remote Flink cluster the job goes to, if any ({@code embedded}, as a launch can say to override an earlier one's URL, or empty: none). */
    public Optional<URI> remoteCluster() {
        return Optional.ofNullable(flinkRest).map(String::trim).filter(rest -> !rest.isEmpty() && !"embedded".equals(rest)).map(URI::create);
    }

    /** The parallelism for a run whose egress topic has {@code topicPartitions} partitions. */
    public int parallelismFor(int topicPartitions, int cores) {
        if (parallelism > 0) {
            return parallelism;
        }
        boolean embedded = remoteCluster().isEmpty();
        // a subtask without a partition would idle; on one machine, more subtasks than cores only add switching
        return Math.max(1, embedded ? Math.min(topicPartitions, cores) : topicPartitions);
    }
}
