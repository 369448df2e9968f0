package io.offstream.tasks.lagwait;

import java.time.Duration;

import javax.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.offstream.contract.naming.RunTopics;

/**
 * How the drain is judged ({@code offstream.lag-wait.*}).
 *
 * @param consumerGroup    the service consumer's group; default {@code offstream-<service>}
 * @param pollInterval     how often committed offsets are read
 * @param quietWindow      how long nothing may remain before the run counts as drained; 0 (the default): at
 *                         once, as a commit at the recorded end means every result of the run is written
 * @param stallTimeout     fail when commits have not advanced for this long while records remain
 *                         (the consumer is down or stuck)
 * @param maxWait          fail when the run has not drained within this time
 * @param progressInterval how often remaining / rate / time left is logged and put in the ledger
 */
@ConfigurationProperties("offstream.lag-wait")
@ConstructorBinding
@Validated
public record LagWaitProperties(
        String consumerGroup,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @NotNull @DefaultValue("0s") Duration quietWindow,
        @NotNull @DefaultValue("5m") Duration stallTimeout,
        @NotNull @DefaultValue("12h") Duration maxWait,
        @NotNull @DefaultValue("15s") Duration progressInterval) {

    public LagWaitProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("offstream.lag-wait.poll-interval must be positive, was " + pollInterval);
        }
        if (quietWindow.isNegative()) {
            throw new IllegalArgumentException("offstream.lag-wait.quiet-window must not be negative, was " + quietWindow);
        }
        if (stallTimeout.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException("offstream.lag-wait.stall-timeout (" + stallTimeout
                    + ") must be longer than the poll interval (" + pollInterval + ")");
        }
    }

    /** The group to watch for a service. */
    public String groupFor(String service) {
        return consumerGroup == null || consumerGroup.isBlank() ? RunTopics.consumerGroup(service) : consumerGroup;
    }
}
