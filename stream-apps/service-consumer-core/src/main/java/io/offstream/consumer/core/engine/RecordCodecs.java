package io.offstream.consumer.core.engine;

import java.util.function.Function;

import io.offstream.consumer.core.avro.RequestDecoder;
import io.offstream.consumer.core.avro.ResultEncoder;
import io.offstream.schemas.history.RecordHistory;
import org.apache.avro.generic.IndexedRecord;

/**
 * How ingress values become requests and results become egress values. Decoding failures must be
 * {@link io.offstream.schemas.codec.MessageDecodingException}s: those records go to the DLQ
 * (stage {@code decode}) without calling the service.
 */
public record RecordCodecs<I, O>(Function<byte[], I> decoder, Function<O, byte[]> encoder) {

    /** Avro single-object encoding of a catalogue entry's records (see {@link RequestDecoder}, {@link ResultEncoder}). */
    public static RecordCodecs<IndexedRecord, IndexedRecord> avro(RequestDecoder requests, ResultEncoder results) {
        return new RecordCodecs<>(requests::decode, results::encode);
    }

    /**
     * Avro single-object encoding: requests decoded by fingerprint from any released version into
     * the current one, as the generated classes {@code types} loads (else generic records); results
     * encoded with their own schema, a released response version.
     */
    public static RecordCodecs<IndexedRecord, IndexedRecord> avro(RecordHistory request, RecordHistory response,
            ClassLoader types) {
        return avro(new RequestDecoder(request, response, types), new ResultEncoder(response));
    }
}
