package io.offstream.consumer.core.engine;

import java.util.function.Function;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import org.apache.avro.specific.SpecificRecord;

/**
 * How ingress values become requests and results become egress values. Decoding failures must be
 * {@link io.offstream.schemas.codec.MessageDecodingException}s: those records go to the DLQ
 * (stage {@code decode}) without calling the service.
 */
public record RecordCodecs<I, O>(Function<byte[], I> decoder, Function<O, byte[]> encoder) {

    /** Avro single-object encoding, decoded by fingerprint against every released schema version. */
    public static <I extends SpecificRecord, O extends SpecificRecord> RecordCodecs<I, O> avro(
            Class<I> requestType, Class<O> resultType, HistorySchemaStore store) {
        SpecificRecordCodec<I> requests = SpecificRecordCodec.of(requestType, store);
        SpecificRecordCodec<O> results = SpecificRecordCodec.of(resultType, store);
        return new RecordCodecs<>(requests::decode, results::encode);
    }
}
