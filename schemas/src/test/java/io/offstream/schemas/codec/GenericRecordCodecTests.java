package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.SampleRecords;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class GenericRecordCodecTests {

    private final HistorySchemaStore store = HistorySchemaStore.fromClasspath();
    private final GenericRecordCodec codec = new GenericRecordCodec(store);

    @Test
    void genericRecordRoundTripsAndReadsAsTheGeneratedClass() {
        Schema released = store.history().require(RiskDecision.class.getName()).current().schema();
        GenericData.Record record = new GenericData.Record(released);
        RiskDecision sample = SampleRecords.riskDecision();
        for (Schema.Field field : released.getFields()) {
            record.put(field.name(), sample.get(field.name()));
        }
        record.put("event_time", SampleRecords.EVENT_TIME.toEpochMilli());

        byte[] message = codec.encode(record);

        assertThat(codec.decode(message).toString()).isEqualTo(record.toString());
        assertThat(SpecificRecordCodec.of(RiskDecision.class, store).decode(message)).isEqualTo(sample);
    }

    @Test
    void generatedRecordEncodesAsItsOwnCodecWould() {
        Transaction transaction = SampleRecords.transaction();

        byte[] message = codec.encode(transaction);

        assertThat(message).isEqualTo(SpecificRecordCodec.of(Transaction.class, store).encode(transaction));
        GenericRecord decoded = codec.decode(message);
        assertThat(decoded.getSchema().getFullName()).isEqualTo(Transaction.class.getName());
        assertThat(decoded.get("amount_minor")).isEqualTo(129_99L);
    }

    @Test
    void recordOfAnUnreleasedSchemaIsNotEncoded() {
        Schema unreleased = SchemaBuilderSupport.withOptionalField(Transaction.getClassSchema(), "promo_code");
        GenericData.Record record = new GenericData.Record(unreleased);

        assertThatThrownBy(() -> codec.encode(record))
                .isInstanceOf(MessageEncodingException.class)
                .hasMessageContaining("no released version")
                .hasMessageContaining(Fingerprints.hex(Fingerprints.of(unreleased)));
    }
}
