package io.offstream.consumer.app.binding;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.offstream.consumer.core.engine.InboundRecord;
import io.offstream.consumer.core.engine.RecordSink;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.MimeTypeUtils;

/**
 * Writes the pipeline's output through the binder and spring-kafka:
 * <ul>
 * <li>a result goes to a binding named after the run's egress topic, made by {@link StreamBridge}
 * on first use (producer settings from {@code spring.cloud.stream.kafka.default.producer}) and
 * sent on directly after that ({@link EgressBindings});
 * the record carries a receipt that {@link EgressReceipts} completes once Kafka acknowledged or
 * refused the write ({@link EgressRecord});</li>
 * <li>a dead-lettered record goes through spring-kafka's {@link DeadLetterPublishingRecoverer} to
 * the run's DLQ topic, with its standard headers (original topic, partition, offset, timestamp,
 * exception class, message and stack trace) and Offstream's stage and attempts.</li>
 * </ul>
 */
public class BinderRecordSink implements RecordSink, AutoCloseable {

    private final String service;

    private final Map<String, RunTopics> routes = new ConcurrentHashMap<>();

    private final StreamBridge bridge;

    private final EgressBindings egress;

    private final DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers;

    private final DeadLetterPublishingRecoverer deadLetters;

    /**
     * @param service the catalogue entry this consumer serves: results go to its own egress and DLQ
     *        topics of each record's run (in a simulation, each version has its own)
     * @param deadLetterProducers the DLQ publisher's producers; it writes to the DLQ topic of each
     *        record's run, the partition chosen by Kafka
     */
    public BinderRecordSink(String service, StreamBridge bridge, EgressBindings egress,
            DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers) {
        this.service = service;
        this.bridge = bridge;
        this.egress = egress;
        this.deadLetterProducers = deadLetterProducers;
        this.deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadLetterProducers),
                (record, error) -> new TopicPartition(topicsOf(record.topic()).dlq(), -1));
    }

    /** The run's topics for this service, parsed once per ingress topic rather than once per result. */
    private RunTopics topicsOf(String ingressTopic) {
        return routes.computeIfAbsent(ingressTopic, topic -> RunTopics.forConsumer(service, topic));
    }

    @Override
    public void close() {
        deadLetterProducers.destroy();
    }

    @Override
    public CompletableFuture<?> result(InboundRecord source, byte[] value) {
        // the record as Kafka takes it, with the ingress record's key and headers unchanged: the binder's
        // handler sends a ProducerRecord payload as it is, without evaluating topic, key and header
        // mappings for every message
        EgressRecord record = new EgressRecord(topicsOf(source.topic()).egress(), source.key(), value, source.headers());
        Message<EgressRecord> message = new GenericMessage<>(record);
        MessageChannel channel = egress.channel(record.topic());
        boolean sent;
        if (channel == null) {
            sent = bindAndSend(record.topic(), message);
        }
        else {
            try {
                sent = channel.send(message);
            }
            catch (MessageDeliveryException unbound) {
                // not subscribed (yet): StreamBridge is still binding it (the channel is handed over just
                // before), or dropped it from its cache; through StreamBridge it waits for the one or
                // binds again (and hands over the new channel)
                sent = bindAndSend(record.topic(), message);
            }
        }
        if (!sent) {
            record.receipt().completeExceptionally(new IllegalStateException("the egress binding refused the result of " + source));
        }
        return record.receipt();
    }

    /** Binds the run's egress topic (EgressBindings keeps its channel); native encoding: the record as it is. */
    private boolean bindAndSend(String topic, Message<?> message) {
        return bridge.send(topic, message, MimeTypeUtils.APPLICATION_OCTET_STREAM);
    }

    @Override
    public CompletableFuture<?> deadLetter(InboundRecord source, DeadLetter reason) {
        // the publisher keeps the record's headers: Offstream's stage and attempts travel with them
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        headers.add(RunHeaders.ERROR_STAGE, reason.stage().getBytes(StandardCharsets.UTF_8));
        headers.add(RunHeaders.ERROR_ATTEMPTS, Integer.toString(reason.attempts()).getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(source.topic(), source.partition(), source.offset(),
                source.timestamp(), TimestampType.CREATE_TIME, -1, -1, source.key(), source.value(), headers, Optional.empty());
        Exception error = reason.error() instanceof Exception e ? e : new IllegalStateException(reason.error());
        // waits for Kafka's acknowledgment and throws if the write failed (the pipeline calls it off the I/O threads)
        deadLetters.accept(record, null, error);
        return CompletableFuture.completedFuture(null);
    }
}
