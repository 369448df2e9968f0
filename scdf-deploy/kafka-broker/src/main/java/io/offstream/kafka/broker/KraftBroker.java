package io.offstream.kafka.broker;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Apache Kafka node in KRaft mode, broker and controller in one, running in this JVM.
 *
 * <pre>{@code
 * try (KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dir).freePorts().build()).start()) {
 *     producerProperties.put("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }
 * }</pre>
 *
 * {@link #start()} formats the data directory on its first use and reuses it afterwards, so a new
 * {@code KraftBroker} on the same directory finds the topics and records of the one before. A broker
 * runs once: to restart, close it and start a new one on the same settings. (A start that failed may
 * be tried again.) One data directory serves one running broker at a time.
 */
public final class KraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);

    private enum State { NEW, RUNNING, CLOSED }

    private final KraftBrokerSettings settings;
    private final Path dataDirectory;
    private State state = State.NEW;
    private KafkaRaftServer server;
    private DataDirectoryLock lock;
    private BrokerPorts ports;
    private String clusterId;
    private Duration startupDuration;

    public KraftBroker(KraftBrokerSettings settings) {
        this.settings = settings;
        this.dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
    }

    /**
     * Starts the broker and returns once it accepts clients.
     *
     * @return this broker, for {@code try (var broker = new KraftBroker(settings).start())}
     * @throws PortInUseException   when the client or controller port is taken
     * @throws KraftBrokerException when the data directory is not writable, is in use by another broker,
     *                              belongs to another node, or the broker does not come up within the
     *                              startup timeout
     * @throws IllegalStateException when this broker is running or was closed
     */
    public synchronized KraftBroker start() {
        if (state != State.NEW) {
            throw new IllegalStateException("A KraftBroker runs once; this one is " + state.name().toLowerCase(Locale.ROOT));
        }
        long begin = System.nanoTime();
        ports = BrokerPorts.resolve(settings);
        KraftStorage.ensureWritable(dataDirectory);
        lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            clusterId = KraftStorage.prepare(dataDirectory, settings.nodeId(), KraftServerProperties.CONTROLLER_LISTENER);
            Map<String, String> properties = KraftServerProperties.of(settings, dataDirectory, ports);
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
            ClientReadiness.await(address(), settings.nodeId(), begin + settings.startupTimeout().toNanos());
        } catch (RuntimeException | Error e) {
            stopServer();
            throw failure(e);
        }
        state = State.RUNNING;
        startupDuration = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Kafka broker {} started in {} ms (controller port {}, data {}, cluster id {})",
                address(), startupDuration.toMillis(), ports.controller(), dataDirectory, clusterId);
        return this;
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:9092}. */
    public synchronized String bootstrapServers() {
        started();
        return address();
    }

    /** The client port, resolved when the broker started (also when the settings said 0). */
    public synchronized int port() {
        return started().client();
    }

    /** The KRaft controller port, resolved when the broker started. */
    public synchronized int controllerPort() {
        return started().controller();
    }

    /** The id of the cluster this node belongs to, as stored in its data directory. */
    public synchronized String clusterId() {
        started();
        return clusterId;
    }

    /** How long {@link #start()} took, from checking the ports to the first successful client call. */
    public synchronized Duration startupDuration() {
        started();
        return startupDuration;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public KraftBrokerSettings settings() {
        return settings;
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Shuts the broker down cleanly and waits until it has; does nothing if it is not running. */
    @Override
    public synchronized void close() {
        if (state != State.RUNNING) {
            state = State.CLOSED;
            return;
        }
        long begin = System.nanoTime();
        stopServer();
        state = State.CLOSED;
        log.info("Kafka broker {} stopped in {} ms", address(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    private BrokerPorts started() {
        if (startupDuration == null) {
            throw new IllegalStateException("The Kafka broker has not started");
        }
        return ports;
    }

    private String address() {
        return settings.advertisedHost() + ":" + ports.client();
    }

    private void stopServer() {
        if (server == null) {
            releaseLock();
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker {} did not shut down cleanly", address(), e);
        } finally {
            server = null;
            releaseLock();
        }
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private RuntimeException failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && BrokerPorts.isAddressInUse(bind)) {
                // Taken between our check and Kafka's bind; the message says which listener failed.
                String message = String.valueOf(error.getMessage()) + " " + bind.getMessage();
                boolean controller = message.contains(":" + ports.controller());
                return new PortInUseException(controller ? BrokerPorts.CONTROLLER : BrokerPorts.CLIENT,
                        settings.bindAddress(), controller ? ports.controller() : ports.client(), error);
            }
            if (cause instanceof KraftBrokerException known) {
                return known;
            }
        }
        return new KraftBrokerException("Kafka broker on " + address() + " (data " + dataDirectory
                + ") failed to start: " + KraftBrokerException.describe(error), error);
    }
}
