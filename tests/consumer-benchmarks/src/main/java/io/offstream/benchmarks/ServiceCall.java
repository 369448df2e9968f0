package io.offstream.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One record through the service as the consumer app does it (decode the Avro request, call, encode
 * the response), for the consumers compared with it, so they all do the same work per record.
 */
final class ServiceCall {

    private final Function<Transaction, RiskDecision> service;

    private final SpecificRecordCodec<Transaction> requests;

    private final SpecificRecordCodec<RiskDecision> responses;

    ServiceCall(Function<Transaction, RiskDecision> service, SpecificRecordCodec<Transaction> requests,
            SpecificRecordCodec<RiskDecision> responses) {
        this.service = service;
        this.requests = requests;
        this.responses = responses;
    }

    /** The same codecs around another service. */
    ServiceCall with(Function<Transaction, RiskDecision> other) {
        return new ServiceCall(other, requests, responses);
    }

    /** The result of the ingress value as an egress record, keyed by the request's key (its txn id). */
    ProducerRecord<byte[], byte[]> call(byte[] request, String egressTopic) {
        RiskDecision decision = service.apply(requests.decode(request));
        return new ProducerRecord<>(egressTopic, decision.getTxnId().getBytes(StandardCharsets.UTF_8), responses.encode(decision));
    }
}
