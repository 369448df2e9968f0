package io.offstream.kafka.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka server properties of a single-node development cluster: one process is broker and
 * controller, internal topics have one replica, and consumer groups form without waiting.
 */
final class KraftServerProperties {

    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Development defaults; {@link KraftBrokerSettings#brokerProperties()} may override each of them. */
    static final Map<String, String> DEVELOPMENT_DEFAULTS = developmentDefaults();

    private KraftServerProperties() {
    }

    static Map<String, String> of(KraftBrokerSettings settings, Path dataDirectory, BrokerPorts ports) {
        Map<String, String> properties = new LinkedHashMap<>(DEVELOPMENT_DEFAULTS);
        properties.putAll(settings.brokerProperties());

        String bind = settings.bindAddress();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(settings.nodeId()));
        // A static quorum of this one node: nothing about the controller's address is written to
        // storage, so a restart may use other ports than the first start did.
        properties.put("controller.quorum.voters",
                settings.nodeId() + "@" + reachable(bind, settings.advertisedHost()) + ":" + ports.controller());
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners", CLIENT_LISTENER + "://" + bind + ":" + ports.client()
                + "," + CONTROLLER_LISTENER + "://" + bind + ":" + ports.controller());
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + settings.advertisedHost() + ":" + ports.client());
        properties.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("log.dirs", dataDirectory.toString());
        properties.put("num.partitions", Integer.toString(settings.defaultPartitions()));
        properties.put("log.retention.ms", Long.toString(settings.logRetention().toMillis()));
        properties.put("server.max.startup.time.ms", Long.toString(settings.startupTimeout().toMillis()));
        return properties;
    }

    /** The controller is reached on the bind address, unless that is the wildcard address. */
    private static String reachable(String bindAddress, String advertisedHost) {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? advertisedHost : bindAddress;
    }

    private static Map<String, String> developmentDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        // one node: every internal topic has one replica, and one in-sync replica is enough
        defaults.put("default.replication.factor", "1");
        defaults.put("min.insync.replicas", "1");
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than Kafka's 50: the first group or transaction is ready sooner
        defaults.put("offsets.topic.num.partitions", "10");
        defaults.put("transaction.state.log.num.partitions", "10");
        // After a crash the controller refuses the restarted broker until the old registration's
        // session expires (Kafka's default: 9 s); broker and controller share this JVM, so a shorter
        // session costs little and a restart after kill -9 waits about 3 s instead of 9.
        defaults.put("broker.heartbeat.interval.ms", "500");
        defaults.put("broker.session.timeout.ms", "3000");
        // a group forms as soon as its first member joins
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("auto.create.topics.enable", "true");
        defaults.put("delete.topic.enable", "true");
        // segments small enough for retention to free disk on a laptop
        defaults.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        defaults.put("log.retention.check.interval.ms", Long.toString(60_000));
        // the log cleaner (for compacted topics such as __consumer_offsets) with a small memory footprint
        defaults.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return Map.copyOf(defaults);
    }
}
