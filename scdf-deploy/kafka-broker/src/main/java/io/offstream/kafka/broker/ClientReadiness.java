package io.offstream.kafka.broker;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until a broker answers clients the way they will use it: through its advertised address. */
final class ClientReadiness {

    private static final Logger log = LoggerFactory.getLogger(ClientReadiness.class);

    private ClientReadiness() {
    }

    /**
     * Returns once {@code describeCluster} through {@code bootstrapServers} lists node {@code nodeId}.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @throws KraftBrokerException when the deadline passes first
     */
    static void await(String bootstrapServers, int nodeId, long deadline) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "offstream-kafka-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(remaining(deadline), TimeUnit.NANOSECONDS);
                    if (nodes.stream().anyMatch(node -> node.id() == nodeId)) {
                        return;
                    }
                } catch (ExecutionException e) {
                    log.debug("Kafka broker {} not ready yet: {}", bootstrapServers, e.getCause().toString());
                }
                if (remaining(deadline) <= 0) {
                    throw new TimeoutException();
                }
                Thread.sleep(100);
            }
        } catch (TimeoutException e) {
            throw new KraftBrokerException("Kafka broker on " + bootstrapServers + " did not accept clients in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KraftBrokerException("Interrupted while waiting for the Kafka broker on " + bootstrapServers, e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
