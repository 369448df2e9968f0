package io.offstream.consumer.app.binding;

import java.util.function.Consumer;

import io.offstream.consumer.core.engine.InboundRecord;
import io.offstream.consumer.core.engine.ServicePipeline;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The function bound to the {@code ingress} binding ({@code spring.cloud.function.definition=serviceConsumer}):
 * hands each delivered record to the pipeline and returns at once. The service is not bound
 * directly, because the binder would call it on the listener thread, one record at a time per
 * partition; the pipeline calls it asynchronously under its in-flight window instead.
 */
public class IngressFunction implements Consumer<Message<byte[]>> {

    private final ServicePipeline<?, ?> pipeline;

    public IngressFunction(ServicePipeline<?, ?> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void accept(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        if (acknowledgment == null) {
            throw new IllegalStateException("The ingress binding must acknowledge manually (ack-mode MANUAL)");
        }
        Long timestamp = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP, Long.class);
        pipeline.accept(new InboundRecord(headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class), headers.get(KafkaHeaders.OFFSET, Long.class),
                timestamp == null ? -1 : timestamp, headers.get(KafkaHeaders.RECEIVED_KEY, byte[].class), message.getPayload(),
                nativeHeaders(headers), acknowledgment::acknowledge));
    }

    private static Headers nativeHeaders(MessageHeaders headers) {
        return headers.get(NativeHeadersMapper.NATIVE_HEADERS) instanceof Headers h ? h : new RecordHeaders();
    }
}
