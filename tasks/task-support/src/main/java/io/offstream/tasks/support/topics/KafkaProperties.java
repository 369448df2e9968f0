package io.offstream.tasks.support.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the run's Kafka is ({@code offstream.kafka.*}), shared by every phase task. */
@ConfigurationProperties("offstream.kafka")
public class KafkaProperties {

    /** Kafka bootstrap servers. */
    private String bootstrapServers = "localhost:9092";

    /** Timeout of one admin call (create topics, list offsets). */
    private Duration adminTimeout = Duration.ofSeconds(30);

    /** Extra Kafka client properties for every client (e.g. security.protocol, sasl.*). */
    private Map<String, String> client = new HashMap<>();

    /** Admin and client properties: bootstrap servers plus {@link #client}. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(client);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    public RunTopicAdmin admin() {
        return new RunTopicAdmin(clientProperties(), adminTimeout.toMillis());
    }

    public String getBootstrapServers() { return bootstrapServers; }
    public void setBootstrapServers(String bootstrapServers) { this.bootstrapServers = bootstrapServers; }
    public Duration getAdminTimeout() { return adminTimeout; }
    public void setAdminTimeout(Duration adminTimeout) { this.adminTimeout = adminTimeout; }
    public Map<String, String> getClient() { return client; }
    public void setClient(Map<String, String> client) { this.client = client; }
}
