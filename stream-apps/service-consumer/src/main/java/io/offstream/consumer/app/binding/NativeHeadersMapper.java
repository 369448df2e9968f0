package io.offstream.consumer.app.binding;

import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.messaging.MessageHeaders;

/**
 * The binder's header mapper ({@code kafkaBinderHeaderMapper}), for the egress bindings: a result
 * message carries its ingress record's Kafka headers as they are, under one message header, and
 * they are written unchanged; no other message header (the pipeline's receipt, the content type)
 * reaches Kafka. Offstream's headers are raw UTF-8 bytes that Spring's JSON-typing mapper would
 * only rewrap.
 */
public class NativeHeadersMapper implements KafkaHeaderMapper {

    /** The message header holding the record's {@link Headers}. */
    public static final String NATIVE_HEADERS = "offstream_nativeHeaders";

    @Override
    public void toHeaders(Headers source, Map<String, Object> target) {
        target.put(NATIVE_HEADERS, source);
    }

    @Override
    public void fromHeaders(MessageHeaders headers, Headers target) {
        if (headers.get(NATIVE_HEADERS) instanceof Headers nativeHeaders) {
            for (Header header : nativeHeaders) {
                target.add(header);
            }
        }
    }
}
