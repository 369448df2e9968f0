package io.offstream.tasks.support.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a phase's lease: a process, named by its host, pid and start time ({@code host/pid/startMillis}),
 * so that a process on the same host can tell a live holder from a dead one (a pid reused by another
 * process has another start time) without waiting for the lease to expire.
 */
public record LeaseOwner(String host, long pid, long startMillis) {

    /** This process. */
    public static LeaseOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new LeaseOwner(localHost(), self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    /** The owner a ledger row names; empty for a row written before leases or by something else. */
    public static Optional<LeaseOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeaseOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True only when this owner is known to have ended: a process of this host that is gone (or is another process now). */
    public boolean knownDead() {
        if (!host.equals(localHost())) {
            return false; // another host's process: only the lease's expiry tells
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(startMillis) != startMillis)
                .orElse(true);
    }

    @Override
    public String toString() {
        return host + "/" + pid + "/" + startMillis;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
