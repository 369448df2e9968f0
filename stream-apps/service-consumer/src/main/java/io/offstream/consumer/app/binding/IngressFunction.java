package io.offstream.consumer.app.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The function bound to the {@code ingress} binding ({@code spring.cloud.function.definition=serviceConsumer}),
 * in batch mode: hands each polled batch to the pipeline and returns at once. The service is not
 * bound directly, because the binder would call it on the listener thread, one record at a time
 * per partition; the pipeline calls it asynchronously under its in-flight window instead. A batch,
 * not a record, per call: the function invocation's cost is paid once a poll.
 */
public class IngressFunction implements Consumer<Message<List<byte[]>>> {

    private final ServicePipeline<?, ?> pipeline;

    public IngressFunction(ServicePipeline<?, ?> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(Message<List<byte[]>> message) {
        MessageHeaders headers = message.getHeaders();
        Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        if (acknowledgment == null) {
            throw new IllegalStateException("The ingress binding must acknowledge manually (ack-mode MANUAL)");
        }
        List<byte[]> values = message.getPayload();
        List<String> topics = (List<String>) headers.get(KafkaHeaders.RECEIVED_TOPIC);
        List<Integer> partitions = (List<Integer>) headers.get(KafkaHeaders.RECEIVED_PARTITION);
        List<Long> offsets = (List<Long>) headers.get(KafkaHeaders.OFFSET);
        List<Long> timestamps = (List<Long>) headers.get(KafkaHeaders.RECEIVED_TIMESTAMP);
        List<byte[]> keys = (List<byte[]>) headers.get(KafkaHeaders.RECEIVED_KEY);
        List<Map<String, Object>> converted = (List<Map<String, Object>>) headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<InboundRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new InboundRecord(topics.get(i), partitions.get(i), offsets.get(i),
                    timestamps == null ? -1 : timestamps.get(i), keys == null ? null : keys.get(i), values.get(i),
                    nativeHeaders(converted == null ? null : converted.get(i))));
        }
        pipeline.accept(records, acknowledgment::acknowledge);
    }

    /**
     * A record's Kafka headers from the batch converter's map of them: its header mapper keeps the
     * raw bytes of headers that carry no type information, as Offstream's do.
     */
    private static Headers nativeHeaders(Map<String, Object> converted) {
        RecordHeaders headers = new RecordHeaders();
        if (converted != null) {
            converted.forEach((name, value) -> {
                if (value instanceof byte[] bytes) {
                    headers.add(name, bytes);
                }
            });
        }
        return headers;
    }
}
