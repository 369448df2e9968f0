package io.offstream.dataflow.server.lost;

import java.time.Duration;

import javax.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the server records the end of a task execution whose process is gone.
 *
 * @param enabled       look for lost executions at all
 * @param checkInterval how often the running executions are looked at
 * @param grace         how long a process must have been seen gone, with still no end recorded,
 *                      before the server records one: long enough that a process its launcher
 *                      does not know for a moment is not taken for dead. The composed runner and the
 *                      dispatcher read a LOST end as a lost child, as if they had found it gone themselves
 */
@ConfigurationProperties("offstream.lost-executions")
@ConstructorBinding
@Validated
public record LostExecutionsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 100) Duration checkInterval,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 0) Duration grace) {
}
