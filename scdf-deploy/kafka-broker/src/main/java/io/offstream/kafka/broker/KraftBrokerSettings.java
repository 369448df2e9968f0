package io.offstream.kafka.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to run one single-node KRaft broker (combined broker and controller). Validated when built:
 * a settings object that exists is one the broker can be started with.
 *
 * @param nodeId            the KRaft node id of the one node; stored in {@code meta.properties} on the first start
 *                          and checked on every later one. Default 1.
 * @param bindAddress       the address both listeners bind to. Default {@code 127.0.0.1}.
 * @param advertisedHost    the host name clients are given, as in {@code localhost:9092}. Default {@code localhost}.
 * @param port              the client (PLAINTEXT) port; 0 picks a free one when the broker starts. Default 9092.
 * @param controllerPort    the KRaft controller port; 0 picks a free one when the broker starts. Default 9093.
 * @param dataDirectory     the directory holding the logs and the cluster metadata; created if missing. Required.
 * @param defaultPartitions partitions of an automatically created topic ({@code num.partitions}). Default 1.
 * @param logRetention      how long records are kept unless a topic says otherwise ({@code log.retention.ms}).
 *                          Default 7 days.
 * @param startupTimeout    how long {@link KraftBroker#start()} waits for the broker to accept clients. Default 60 s.
 * @param brokerProperties  further Kafka broker properties; they override this module's development defaults
 *                          but may not set what the fields above own (see {@link #MANAGED_PROPERTIES}).
 */
public record KraftBrokerSettings(
        int nodeId,
        String bindAddress,
        String advertisedHost,
        int port,
        int controllerPort,
        Path dataDirectory,
        int defaultPartitions,
        Duration logRetention,
        Duration startupTimeout,
        Map<String, String> brokerProperties) {

    public static final int DEFAULT_NODE_ID = 1;
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_ADVERTISED_HOST = "localhost";
    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_PARTITIONS = 1;
    public static final Duration DEFAULT_LOG_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Kafka properties that the broker derives from the fields of these settings, so none can be overridden. */
    public static final Set<String> MANAGED_PROPERTIES = Set.of(
            "process.roles", "node.id", "broker.id",
            "listeners", "advertised.listeners", "listener.security.protocol.map",
            "inter.broker.listener.name", "controller.listener.names",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dir", "log.dirs", "metadata.log.dir",
            "num.partitions", "log.retention.ms", "log.retention.minutes", "log.retention.hours",
            "server.max.startup.time.ms");

    public KraftBrokerSettings {
        requireThat(nodeId >= 0, "nodeId must be 0 or more, was " + nodeId);
        requireThat(bindAddress != null && !bindAddress.isBlank(), "bindAddress must not be blank");
        requireThat(advertisedHost != null && !advertisedHost.isBlank(), "advertisedHost must not be blank");
        requireThat(isPort(port), "port must be 0 (any free port) or 1-65535, was " + port);
        requireThat(isPort(controllerPort), "controllerPort must be 0 (any free port) or 1-65535, was " + controllerPort);
        requireThat(port == 0 || port != controllerPort, "port and controllerPort must differ, both were " + port);
        requireThat(dataDirectory != null, "dataDirectory is required");
        requireThat(defaultPartitions >= 1, "defaultPartitions must be 1 or more, was " + defaultPartitions);
        requireThat(logRetention != null && logRetention.toMillis() > 0, "logRetention must be positive, was " + logRetention);
        requireThat(startupTimeout != null && startupTimeout.toMillis() > 0,
                "startupTimeout must be positive, was " + startupTimeout);
        brokerProperties = brokerProperties == null ? Map.of() : Map.copyOf(brokerProperties);
        Set<String> managed = new TreeSet<>(brokerProperties.keySet());
        managed.retainAll(MANAGED_PROPERTIES);
        requireThat(managed.isEmpty(), "brokerProperties may not set " + managed
                + ": they follow from the broker settings (node id, host, ports, data directory, partitions, retention)");
    }

    /** Settings with every default, keeping data in {@code dataDirectory}. */
    public static KraftBrokerSettings of(Path dataDirectory) {
        return builder(dataDirectory).build();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(dataDirectory)
                .nodeId(nodeId).bindAddress(bindAddress).advertisedHost(advertisedHost)
                .port(port).controllerPort(controllerPort).defaultPartitions(defaultPartitions)
                .logRetention(logRetention).startupTimeout(startupTimeout).brokerProperties(brokerProperties);
    }

    private static boolean isPort(int value) {
        return value >= 0 && value <= 65535;
    }

    private static void requireThat(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid Kafka broker settings: " + message);
        }
    }

    /** Builds {@link KraftBrokerSettings}; every field starts at its documented default. */
    public static final class Builder {
        private final Path dataDirectory;
        private int nodeId = DEFAULT_NODE_ID;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private String advertisedHost = DEFAULT_ADVERTISED_HOST;
        private int port = DEFAULT_PORT;
        private int controllerPort = DEFAULT_CONTROLLER_PORT;
        private int defaultPartitions = DEFAULT_PARTITIONS;
        private Duration logRetention = DEFAULT_LOG_RETENTION;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public Builder nodeId(int nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder advertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Both ports 0: free ones are picked when the broker starts (what tests want). */
        public Builder freePorts() {
            return port(0).controllerPort(0);
        }

        public Builder defaultPartitions(int defaultPartitions) {
            this.defaultPartitions = defaultPartitions;
            return this;
        }

        public Builder logRetention(Duration logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public Builder brokerProperty(String name, String value) {
            this.brokerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        public KraftBrokerSettings build() {
            return new KraftBrokerSettings(nodeId, bindAddress, advertisedHost, port, controllerPort, dataDirectory,
                    defaultPartitions, logRetention, startupTimeout, brokerProperties);
        }
    }
}
