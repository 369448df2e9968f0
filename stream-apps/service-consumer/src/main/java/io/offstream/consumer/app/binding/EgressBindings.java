package io.offstream.consumer.app.binding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.binding.NewDestinationBindingCallback;
import org.springframework.messaging.MessageChannel;

/**
 * The output channels of the egress bindings {@code StreamBridge} made, one per run's egress topic,
 * as the binder hands them over when it binds one. Results are sent on them directly: every
 * result is already its final bytes, so {@code StreamBridge}'s per-message conversion (under one
 * lock for all threads) would only cost time. A binding {@code StreamBridge} later drops from its
 * cache is forgotten here when sending on it fails, and made again through {@code StreamBridge}.
 */
public class EgressBindings implements NewDestinationBindingCallback<Object> {

    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

    @Override
    public void configure(String destination, MessageChannel channel, ProducerProperties producerProperties,
            Object extendedProducerProperties) {
        channels.put(destination, channel);
    }

    /** The bound channel of the topic; null until {@code StreamBridge} has bound it. */
    MessageChannel channel(String topic) {
        return channels.get(topic);
    }

    void forget(String topic, MessageChannel channel) {
        channels.remove(topic, channel);
    }
}
