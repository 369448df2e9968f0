package io.offstream.tasks.support.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run ledger's settings ({@code offstream.ledger.*}).
 *
 * @param leaseTtl how long a phase's lease lasts without renewal (renewed every third of it while the phase
 *                 runs). A restart on the same host takes over at once from a holder that is dead; from a
 *                 holder on another host only once its lease has expired.
 */
@ConfigurationProperties("offstream.ledger")
@ConstructorBinding
public record LedgerProperties(@DefaultValue("2m") Duration leaseTtl) {

    static final Duration SHORTEST_LEASE = Duration.ofSeconds(3);

    public LedgerProperties {
        if (leaseTtl == null || leaseTtl.compareTo(SHORTEST_LEASE) < 0) {
            throw new IllegalArgumentException("offstream.ledger.lease-ttl must be at least " + SHORTEST_LEASE.toSeconds() + "s, was " + leaseTtl);
        }
    }
}
