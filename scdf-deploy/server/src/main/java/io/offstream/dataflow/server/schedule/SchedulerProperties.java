package io.offstream.dataflow.server.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.TimeZone;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the local platform's scheduler behaves; checked when the server starts.
 *
 * @param misfirePolicy     what a schedule does about firings missed while the server was down
 * @param misfireThreshold  how late a firing may be and still count as on time; a firing later
 *                          than this is a misfire and follows the misfire policy. Kept short so
 *                          that a restart does not replay a burst of late firings
 * @param concurrencyPolicy whether a firing may launch while the schedule's previous execution runs
 * @param threadCount       Quartz threads that launch firings (a launch takes well under a second)
 * @param timeZone          the zone cron expressions are read in; the server's own when not set
 * @param clustered         let several servers share one database's schedules (PostgreSQL in
 *                          production); each firing then runs on exactly one of them
 */
@ConfigurationProperties("offstream.scheduler")
@ConstructorBinding
@Validated
public record SchedulerProperties(
        @DefaultValue("RUN_ONCE") @NotNull MisfirePolicy misfirePolicy,
        @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) Duration misfireThreshold,
        @DefaultValue("FORBID") @NotNull ConcurrencyPolicy concurrencyPolicy,
        @DefaultValue("4") @Min(1) @Max(64) int threadCount,
        ZoneId timeZone,
        @DefaultValue("false") boolean clustered) {

    /** The zone cron expressions are read in. */
    public TimeZone zone() {
        return TimeZone.getTimeZone(timeZone != null ? timeZone : ZoneId.systemDefault());
    }
}
