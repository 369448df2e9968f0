package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.SampleRecords;
import io.offstream.schemas.history.SchemaVersion;
import io.offstream.schemas.sample.Transaction;
import java.io.EOFException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The writer and body reader that replace Avro's message encoder and decoder must agree with them byte for byte. */
class SingleObjectWriterTests {

    private final HistorySchemaStore store = HistorySchemaStore.fromClasspath();

    private final SchemaVersion transactionV1 = store.history().require(Transaction.class.getName()).current();

    @Test
    void writesTheBytesAvrosMessageEncoderWrites() throws Exception {
        Transaction transaction = SampleRecords.transaction();
        SpecificData model = SpecificData.getForClass(Transaction.class);

        byte[] ours = new SingleObjectWriter<Transaction>(model, Transaction.getClassSchema()).write(transaction);

        byte[] avros = new BinaryMessageEncoder<Transaction>(model, Transaction.getClassSchema()).encode(transaction).array();
        assertThat(ours).isEqualTo(avros);
    }

    @Test
    void aRecordLargerThanTheFirstBufferIsWrittenWhole() throws Exception {
        Transaction transaction = Transaction.newBuilder(SampleRecords.transaction()).setItemTitle("x".repeat(5_000)).build();
        SpecificData model = SpecificData.getForClass(Transaction.class);

        byte[] ours = new SingleObjectWriter<Transaction>(model, Transaction.getClassSchema()).write(transaction);

        assertThat(ours).isEqualTo(new BinaryMessageEncoder<Transaction>(model, Transaction.getClassSchema())
                .encode(transaction).array());
        assertThat(new SingleObjectBodyReader<Transaction>(model, Transaction.getClassSchema()).read(transactionV1, ours))
                .isEqualTo(transaction);
    }

    @Test
    void aGenericRecordReadsBackAsItsGeneratedClass() throws Exception {
        Schema schema = Transaction.getClassSchema();
        GenericRecord generic = new GenericData.Record(schema);
        Transaction transaction = SampleRecords.transaction();
        for (Schema.Field field : schema.getFields()) {
            generic.put(field.pos(), GenericData.get().deepCopy(field.schema(), rawValue(transaction, field)));
        }

        byte[] message = new SingleObjectWriter<GenericRecord>(GenericData.get(), schema).write(generic);

        assertThat(SingleObjectHeader.fingerprint(message)).isEqualTo(transactionV1.fingerprint());
        assertThat(SpecificRecordCodec.of(Transaction.class, store).decode(message)).isEqualTo(transaction);
    }

    @Test
    void aTruncatedBodyDoesNotRead() throws Exception {
        SpecificData model = SpecificData.getForClass(Transaction.class);
        byte[] message = new SingleObjectWriter<Transaction>(model, Transaction.getClassSchema()).write(SampleRecords.transaction());
        byte[] truncated = Arrays.copyOf(message, message.length - 5);

        assertThatThrownBy(() -> new SingleObjectBodyReader<Transaction>(model, Transaction.getClassSchema())
                .read(transactionV1, truncated)).isInstanceOf(EOFException.class);
    }

    /** The field as Avro's generic model holds it: logical values (an Instant) turned back into their raw form. */
    private static Object rawValue(Transaction transaction, Schema.Field field) {
        Object value = transaction.get(field.pos());
        return value instanceof java.time.Instant instant ? instant.toEpochMilli() : value;
    }
}
