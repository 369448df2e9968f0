package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.SampleRecords;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A history where Transaction v1 lacked shipping_country and v2 is the shipped schema: data
 * written with v1 must decode into today's class and today's generic schema.
 */
class ResolutionAcrossVersionsTests {

    private Schema olderTransaction;
    private HistorySchemaStore store;

    @BeforeEach
    void historyWithAnOlderTransaction() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/codec/Transaction-without-shipping-country.avsc")) {
            olderTransaction = new Schema.Parser().parse(in);
        }
        store = new HistorySchemaStore(new SchemaHistory(List.of(
                new RecordHistory(List.of(olderTransaction, Transaction.getClassSchema())),
                new RecordHistory(List.of(RiskDecision.getClassSchema())))));
    }

    @Test
    void olderVersionDecodesIntoTheCurrentClassWithDefaults() {
        byte[] written = new GenericRecordCodec(store).encode(olderTransactionRecord());

        Transaction decoded = SpecificRecordCodec.of(Transaction.class, store).decode(written);

        Transaction expected = Transaction.newBuilder(SampleRecords.transaction()).setShippingCountry(null).build();
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void olderVersionDecodesIntoTheCurrentGenericSchema() {
        GenericRecordCodec codec = new GenericRecordCodec(store);

        GenericRecord decoded = codec.decode(codec.encode(olderTransactionRecord()));

        assertThat(decoded.getSchema().getFields()).hasSize(Transaction.getClassSchema().getFields().size());
        assertThat(decoded.get("shipping_country")).isNull();
        assertThat(decoded.get("txn_id")).hasToString("txn-000042");
        assertThat(decoded.get("event_time")).isEqualTo(SampleRecords.EVENT_TIME.toEpochMilli());
    }

    @Test
    void messageCarriesTheOlderVersionsFingerprint() {
        byte[] written = new GenericRecordCodec(store).encode(olderTransactionRecord());

        assertThat(store.findVersion(SingleObjectHeader.fingerprint(written)))
                .hasValueSatisfying(version -> assertThat(version.label()).isEqualTo("Transaction v1"));
    }

    private GenericRecord olderTransactionRecord() {
        Transaction sample = SampleRecords.transaction();
        GenericData.Record record = new GenericData.Record(olderTransaction);
        for (Schema.Field field : olderTransaction.getFields()) {
            record.put(field.name(), sample.get(field.name()));
        }
        record.put("event_time", sample.getEventTime().toEpochMilli());
        return record;
    }
}
