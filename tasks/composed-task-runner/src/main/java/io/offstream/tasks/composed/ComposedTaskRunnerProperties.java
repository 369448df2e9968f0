package io.offstream.tasks.composed;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The runner's options, with the names SCDF 2.11.5 passes (they are top-level, not prefixed,
 * because the server and users' launch properties use them so).
 *
 * @param graph                     the graph over child definition names, e.g. {@code ct-a && <ct-b || ct-c>}
 * @param dataflowServerUri         the SCDF server that launches the children
 * @param platformName              the platform account children are launched on
 * @param intervalTimeBetweenChecks how often a child's state is polled (milliseconds when a bare number)
 * @param maxWaitTime               the longest a child may run (0 = no limit; milliseconds when a bare number)
 * @param serverUnreachableTimeout  how long the SCDF server may not answer (connection refused, timed out, 5xx)
 *                                  while a child is followed before its step fails, restartable (default 5m;
 *                                  milliseconds when a bare number): a runner must not outlive its server
 * @param processGoneGrace          how long Offstream's SCDF server must report a child's process gone while
 *                                  the child records no end before the child counts as lost (default 10s, and
 *                                  at least two checks; milliseconds when a bare number): a task that exits
 *                                  normally records its end a moment after its process is gone
 * @param splitThreadCorePoolSize   how many split branches run at the same time
 * @param incrementInstanceEnabled  start a new job instance on each launch (restarts reuse theirs)
 * @param composedTaskAppProperties per-child properties, keys {@code base64_<base64url(key)>} or plain
 * @param composedTaskAppArguments  per-child arguments, keys {@code base64_<base64url(key)>} or plain
 * @param composedTaskProperties    per-child properties in the legacy comma-separated form
 * @param composedTaskArguments     arguments given to every child, space-separated
 */
@ConfigurationProperties
@ConstructorBinding
@Validated
public record ComposedTaskRunnerProperties(
        @NotBlank String graph,
        @NotNull @DefaultValue("http://localhost:9393") URI dataflowServerUri,
        @NotBlank @DefaultValue("default") String platformName,
        @NotNull @DefaultValue("500") @DurationUnit(java.time.temporal.ChronoUnit.MILLIS) Duration intervalTimeBetweenChecks,
        @NotNull @DefaultValue("0") @DurationUnit(java.time.temporal.ChronoUnit.MILLIS) Duration maxWaitTime,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5m") @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
        Duration serverUnreachableTimeout,
        @NotNull @DurationMin(millis = 0) @DefaultValue("10s") @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
        Duration processGoneGrace,
        @Min(1) @DefaultValue("4") int splitThreadCorePoolSize,
        @DefaultValue("true") boolean incrementInstanceEnabled,
        Map<String, String> composedTaskAppProperties,
        Map<String, String> composedTaskAppArguments,
        String composedTaskProperties,
        String composedTaskArguments) {

    public ComposedTaskRunnerProperties {
        composedTaskAppProperties = composedTaskAppProperties == null ? Map.of() : Map.copyOf(composedTaskAppProperties);
        composedTaskAppArguments = composedTaskAppArguments == null ? Map.of() : Map.copyOf(composedTaskAppArguments);
    }

    /** Whether a child may run for ever. */
    public boolean waitsWithoutLimit() {
        return maxWaitTime.isZero() || maxWaitTime.isNegative();
    }

    /** How long a child's process must stay gone, with no end recorded, before it is lost: never less than two checks. */
    public Duration lostProcessGrace() {
        Duration twoChecks = intervalTimeBetweenChecks.multipliedBy(2);
        return twoChecks.compareTo(processGoneGrace) > 0 ? twoChecks : processGoneGrace;
    }
}
