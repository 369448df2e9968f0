package io.offstream.consumer.app.binding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.binding.NewDestinationBindingCallback;
import org.springframework.integration.channel.AbstractMessageChannel;
import org.springframework.messaging.MessageChannel;

/**
 * The output channels of the egress bindings {@code StreamBridge} made, one per run's egress topic,
 * as the binder hands them over when it binds one. Results are sent on them directly: every
 * result is already its final bytes, so {@code StreamBridge}'s per-message conversion (under one
 * lock for all threads) would only cost time. A channel is handed over just before it is
 * subscribed, and {@code StreamBridge} may drop a binding from its cache later: a send that finds
 * it unsubscribed goes through {@code StreamBridge}, which waits for the binding or makes it again
 * (handing over the new channel here).
 */
public class EgressBindings implements NewDestinationBindingCallback<Object> {

    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

    @Override
    public void configure(String destination, MessageChannel channel, ProducerProperties producerProperties,
            Object extendedProducerProperties) {
        if (channel instanceof AbstractMessageChannel observed) {
            // StreamBridge gives its channels the application's observation registry: each send would copy
            // the message and open an observation (which management.observations.enable turns into a no-op
            // only after building it); the offstream.* meters already count every result
            observed.registerObservationRegistry(ObservationRegistry.NOOP);
        }
        channels.put(destination, channel);
    }

    /** The bound channel of the topic; null until {@code StreamBridge} has bound it. */
    MessageChannel channel(String topic) {
        return channels.get(topic);
    }
}
