package io.offstream.tasks.egress.flink;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.MessageDecodingException;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns an egress record into an {@link EgressRecord}: decodes the value by its schema fingerprint
 * (any released RiskDecision version), takes the key and landing day from it, and fails with the
 * record's topic, partition and offset when it does not decode.
 */
public class RiskDecisionDeserializer implements KafkaRecordDeserializationSchema<EgressRecord> {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private transient SpecificRecordCodec<RiskDecision> codec;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = SpecificRecordCodec.of(RiskDecision.class, HistorySchemaStore.fromClasspath());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<EgressRecord> out)
            throws UndecodableRecordException {
        RiskDecision decision;
        try {
            decision = codec.decode(record.value());
            if (decision.getTxnId() == null || decision.getTxnId().isEmpty()) {
                throw new MessageDecodingException("the RiskDecision has an empty txn_id");
            }
        } catch (MessageDecodingException e) {
            throw new UndecodableRecordException(record.topic(), record.partition(), record.offset(), e);
        }
        out.collect(new EgressRecord(decision.getTxnId(), DAY.format(decision.getEventTime()),
                record.partition(), record.offset(), record.value()));
    }

    @Override
    public TypeInformation<EgressRecord> getProducedType() {
        return TypeInformation.of(EgressRecord.class);
    }
}
