package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.SampleRecords;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SpecificRecordCodecTests {

    private final HistorySchemaStore store = HistorySchemaStore.fromClasspath();
    private final SpecificRecordCodec<Transaction> transactions = SpecificRecordCodec.of(Transaction.class, store);
    private final SpecificRecordCodec<RiskDecision> decisions = SpecificRecordCodec.of(RiskDecision.class, store);

    @Test
    void transactionRoundTrips() {
        Transaction transaction = SampleRecords.transaction();

        assertThat(transactions.decode(transactions.encode(transaction))).isEqualTo(transaction);
    }

    @Test
    void transactionWithNullOptionalFieldsRoundTrips() {
        Transaction transaction = Transaction.newBuilder(SampleRecords.transaction())
                .setItemTitle(null)
                .setShippingCountry(null)
                .build();

        assertThat(transactions.decode(transactions.encode(transaction))).isEqualTo(transaction);
    }

    @Test
    void riskDecisionRoundTrips() {
        RiskDecision decision = SampleRecords.riskDecision();

        RiskDecision decoded = decisions.decode(decisions.encode(decision));

        assertThat(decoded).isEqualTo(decision);
        assertThat(decoded.getEventTime()).isEqualTo(SampleRecords.EVENT_TIME);
        assertThat(decoded.getReasons()).containsExactly("NEW_SELLER", "CROSS_BORDER");
    }

    @Test
    void messageIsMarkerThenLittleEndianFingerprintThenBody() {
        byte[] message = transactions.encode(SampleRecords.transaction());
        Schema released = store.history().require(Transaction.class.getName()).current().schema();

        assertThat(Arrays.copyOf(message, 2)).containsExactly(0xC3, 0x01);
        long fingerprint = ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(released));
        assertThat(SingleObjectHeader.fingerprint(message)).isEqualTo(fingerprint);
        assertThat(message.length).isGreaterThan(SingleObjectHeader.LENGTH);
    }

    @Test
    void aRequiredFieldLeftNullFailsToEncodeNamingTheRecord() {
        Transaction transaction = SampleRecords.transaction();
        transaction.setBuyerId(null);

        assertThatThrownBy(() -> transactions.encode(transaction))
                .isInstanceOf(MessageEncodingException.class)
                .hasMessageContaining(Transaction.class.getName());
    }

    @Test
    void aClassThatIsNotTheCurrentVersionIsRefused() {
        Schema next = SchemaBuilderSupport.withOptionalField(Transaction.getClassSchema(), "promo_code");
        SchemaHistory history = new SchemaHistory(List.of(
                new RecordHistory(List.of(Transaction.getClassSchema(), next))));

        assertThatThrownBy(() -> SpecificRecordCodec.of(Transaction.class, new HistorySchemaStore(history)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is Transaction v1, but the current version is Transaction v2");
    }
}
