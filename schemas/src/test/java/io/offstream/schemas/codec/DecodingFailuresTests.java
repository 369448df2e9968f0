package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.SampleRecords;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a message can fail to decode ends in a specific {@link MessageDecodingException}. */
class DecodingFailuresTests {

    private static final long UNKNOWN = 0x1122334455667788L;

    private final HistorySchemaStore store = HistorySchemaStore.fromClasspath();
    private final SpecificRecordCodec<Transaction> transactions = SpecificRecordCodec.of(Transaction.class, store);
    private final GenericRecordCodec generic = new GenericRecordCodec(store);

    @Test
    void unknownFingerprintIsNamedInHex() {
        byte[] message = {(byte) 0xC3, 0x01, (byte) 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x02, 0x41};

        assertUnknownSchema(() -> transactions.decode(message));
        assertUnknownSchema(() -> generic.decode(message));
    }

    private static void assertUnknownSchema(ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("0x1122334455667788")
                .hasMessageContaining("88 77 66 55 44 33 22 11")
                .satisfies(e -> assertThat(((UnknownSchemaException) e).fingerprint()).isEqualTo(UNKNOWN));
    }

    @Test
    void wrongMarkerIsNamed() {
        byte[] message = transactions.encode(SampleRecords.transaction());
        message[0] = 0x7B;

        assertThatThrownBy(() -> transactions.decode(message))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("starts with 7B 01, not the Avro single-object marker C3 01");
    }

    @Test
    void messageShorterThanTheHeaderIsMalformed() {
        assertThatThrownBy(() -> generic.decode(new byte[] {(byte) 0xC3, 0x01, 0x00}))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> generic.decode(null))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("null");
    }

    @Test
    void truncatedBodyIsMalformedAndNamesTheWriterVersion() {
        byte[] message = transactions.encode(SampleRecords.transaction());
        byte[] truncated = Arrays.copyOf(message, message.length - 20);

        assertThatThrownBy(() -> transactions.decode(truncated))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("Transaction v1")
                .hasMessageContaining("does not decode");
    }

    @Test
    void anotherRecordsMessageIsAMismatch() {
        byte[] decision = SpecificRecordCodec.of(RiskDecision.class, store).encode(SampleRecords.riskDecision());

        assertThatThrownBy(() -> transactions.decode(decision))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("RiskDecision v1")
                .hasMessageContaining("not a version of " + Transaction.class.getName());
    }

    @Test
    void everyFailureIsAMessageDecodingException() {
        assertThat(MessageDecodingException.class)
                .isAssignableFrom(UnknownSchemaException.class)
                .isAssignableFrom(MalformedMessageException.class)
                .isAssignableFrom(SchemaMismatchException.class);
    }
}
