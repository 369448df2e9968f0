package io.offstream.launcher.platform;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Names and actuator ports of the service consumers, one per catalogue entry: risk's is
 * {@code consumer} on the consumer port; another keeps the port it was started on, or takes the
 * first free one from the first extra consumer port (never the pricing service's or the registry's).
 */
public final class Consumers {

    private final PidRecords pids;

    private final Ports ports;

    private final PlatformPorts platformPorts;

    public Consumers(PidRecords pids, Ports ports, PlatformPorts platformPorts) {
        this.pids = pids;
        this.ports = ports;
        this.platformPorts = platformPorts;
    }

    public static String name(String service) {
        return "risk".equals(service) ? "consumer" : "consumer-" + service;
    }

    public int port(String service) {
        if ("risk".equals(service)) {
            return platformPorts.consumer();
        }
        OptionalInt kept = pids.port(name(service));
        if (kept.isPresent() && pids.isRunning(name(service))) {
            return kept.getAsInt();
        }
        Set<Integer> taken = new HashSet<>();
        for (String consumer : pids.names("consumer")) {
            pids.port(consumer).ifPresent(taken::add);
        }
        int port = platformPorts.firstExtraConsumer();
        while (taken.contains(port) || port == platformPorts.pricing() || port == platformPorts.registry() || ports.isOpen(port)) {
            port++;
        }
        return port;
    }
}
