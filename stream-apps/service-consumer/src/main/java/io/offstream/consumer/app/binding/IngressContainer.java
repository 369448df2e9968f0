package io.offstream.consumer.app.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.offstream.consumer.core.engine.FlowControl;
import io.offstream.consumer.core.engine.ServicePipeline;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The {@code ingress} binding's listener container, as the pipeline needs it:
 * <ul>
 * <li>configured when the binder creates it: manual acknowledgments (the pipeline acknowledges a
 * record only once it and every record before it are written, so commits cover contiguous
 * offsets), a poll timeout of the commit interval (queued acknowledgments are committed between
 * polls), and {@code max.poll.records} and {@code max.poll.interval.ms} from the pipeline unless
 * the binding sets them;</li>
 * <li>paused and resumed per partition for backpressure, which leaves the container's own pause
 * ({@code /actuator/bindings}) to the user;</li>
 * <li>told of rebalances: newly assigned partitions start paused while the pipeline is; before
 * partitions are given up, the records delivered so far are written, so the container commits them.</li>
 * </ul>
 */
public class IngressContainer implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>,
        FlowControl, KafkaBindingRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(IngressContainer.class);

    public static final String BINDING = "ingress";

    private final String destination;

    private final java.time.Duration commitInterval;

    private final java.util.function.Predicate<String> setOnBinding;

    private final ObjectProvider<ServicePipeline<?, ?>> pipeline;

    private final Set<TopicPartition> pausedHere = ConcurrentHashMap.newKeySet();

    private volatile AbstractMessageListenerContainer<?, ?> container;

    /**
     * @param destination the {@code ingress} binding's destination (the pattern), to know its container
     * @param commitInterval the container's poll timeout: how long an acknowledgment may wait for its commit
     * @param setOnBinding whether the binding's own {@code configuration} sets a Kafka consumer property
     */
    public IngressContainer(String destination, java.time.Duration commitInterval, java.util.function.Predicate<String> setOnBinding,
            ObjectProvider<ServicePipeline<?, ?>> pipeline) {
        this.destination = destination;
        this.commitInterval = commitInterval;
        this.setOnBinding = setOnBinding;
        this.pipeline = pipeline;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> created, String destinationName, String group) {
        if (!destination.equals(destinationName)) {
            return;
        }
        ContainerProperties properties = created.getContainerProperties();
        // MANUAL, not a property: acknowledging out of order without it would commit past unfinished records
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setPollTimeout(commitInterval.toMillis());
        ServicePipeline<?, ?> served = pipeline.getObject();
        if (!setOnBinding.test(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)) {
            properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    Integer.toString(served.maxPollRecords()));
        }
        if (!setOnBinding.test(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)) {
            properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                    Long.toString(served.settings().maxPollInterval().toMillis()));
        }
        this.container = created;
    }

    /** The partitions the container holds now. */
    public List<String> assignedPartitions() {
        AbstractMessageListenerContainer<?, ?> current = container;
        if (current == null || current.getAssignedPartitions() == null) {
            return List.of();
        }
        return current.getAssignedPartitions().stream().map(TopicPartition::toString).sorted().toList();
    }

    @Override
    public void pause() {
        AbstractMessageListenerContainer<?, ?> current = container;
        if (current != null && current.getAssignedPartitions() != null) {
            pause(current.getAssignedPartitions());
        }
    }

    @Override
    public void resume() {
        List<TopicPartition> resumed = new ArrayList<>(pausedHere);
        pausedHere.removeAll(resumed);
        for (MessageListenerContainer child : children()) {
            resumed.forEach(child::resumePartition);
        }
    }

    private void pause(Collection<TopicPartition> partitions) {
        pausedHere.addAll(partitions);
        // to every child: a pause request for a partition a child does not hold is kept until it does
        for (MessageListenerContainer child : children()) {
            partitions.forEach(child::pausePartition);
        }
    }

    private List<? extends MessageListenerContainer> children() {
        AbstractMessageListenerContainer<?, ?> current = container;
        if (current instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            return concurrent.getContainers();
        }
        return current == null ? List.of() : List.of(current);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
            boolean initial) {
        if (!partitions.isEmpty()) {
            log.info("Assigned {}", partitions);
            if (pipeline.getObject().paused()) {
                pause(partitions);
            }
        }
    }

    /** On the listener thread: lets the records delivered so far be written, so the container's commit covers them. */
    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            pipeline.getObject().revoking(partitions);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            pausedHere.removeAll(partitions);
            log.info("Revoked {}", partitions);
        }
    }
}
