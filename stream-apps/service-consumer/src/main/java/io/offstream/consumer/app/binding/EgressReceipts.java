package io.offstream.consumer.app.binding;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Completes each result's receipt when Kafka acknowledged or refused its write. The binder gives
 * this listener (a {@code ProducerListener} bean) to the {@code KafkaTemplate} of every producer
 * binding; spring-kafka calls it on the producer's I/O thread with the record that was sent.
 * Records that are not results are left to spring-kafka's default, which logs failed writes.
 * Typed {@code <Object, Object>}: as the only {@code ProducerListener} bean it also replaces Boot's,
 * which Boot's own {@code KafkaTemplate} is injected with under that type.
 */
public class EgressReceipts implements ProducerListener<Object, Object> {

    private final ProducerListener<Object, Object> others = new LoggingProducerListener<>();

    @Override
    public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        EgressRecord result = asResult(record);
        if (result != null) {
            result.receipt().complete(null);
        }
    }

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        EgressRecord result = asResult(record);
        if (result != null) {
            // the pipeline writes it again or stops, and says which
            result.receipt().completeExceptionally(exception);
        }
        else {
            others.onError(record, metadata, exception);
        }
    }

    private static EgressRecord asResult(ProducerRecord<?, ?> record) {
        return record instanceof EgressRecord result ? result : null;
    }
}
