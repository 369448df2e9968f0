package io.offstream.consumer.app.binding;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * A result as the egress binding sends it, carrying the receipt its write completes. The binder's
 * handler sends a {@code ProducerRecord} payload as it is, and its {@code KafkaTemplate} hands the
 * same instance to {@link EgressReceipts} once Kafka answered, so the receipt travels with the
 * record instead of in a message header that the binder would copy into a metadata message per result.
 */
final class EgressRecord extends ProducerRecord<byte[], byte[]> {

    private final CompletableFuture<Void> receipt = new CompletableFuture<>();

    EgressRecord(String topic, byte[] key, byte[] value, Headers headers) {
        super(topic, null, key, value, headers);
    }

    CompletableFuture<Void> receipt() {
        return receipt;
    }
}
