package io.offstream.consumer.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.offstream.consumer.core.TestRecords;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.MalformedMessageException;
import io.offstream.schemas.codec.SchemaMismatchException;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.codec.UnknownSchemaException;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class RequestDecoderTests {

    static final Schema ORDER_V1 = TestRecords.parse("""
            {"type": "record", "name": "Order", "namespace": "io.offstream.test", "fields": [
              {"name": "order_id", "type": "long"},
              {"name": "unit_price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
              {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}}]}""");

    static final Schema ORDER_V2 = TestRecords.parse("""
            {"type": "record", "name": "Order", "namespace": "io.offstream.test", "fields": [
              {"name": "order_id", "type": "long"},
              {"name": "unit_price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
              {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "coupon", "type": ["null", "string"], "default": null}]}""");

    static final RecordHistory ORDERS = new RecordHistory(List.of(ORDER_V1, ORDER_V2));

    static final RecordHistory EVERYTHING = new RecordHistory(List.of(TestRecords.EVERYTHING));

    private static final HistorySchemaStore SAMPLE = HistorySchemaStore.fromClasspath();

    private static final RecordHistory TRANSACTIONS = SAMPLE.history().require(Transaction.getClassSchema().getFullName());

    private static final RecordHistory DECISIONS = SAMPLE.history().require(RiskDecision.getClassSchema().getFullName());

    @Test
    void decodesAnOlderVersionIntoTheCurrentOneAsAGenericRecordWithLogicalValues() throws IOException {
        RequestDecoder decoder = new RequestDecoder(ORDERS, EVERYTHING, getClass().getClassLoader());
        GenericRecord v1 = new GenericData.Record(ORDER_V1);
        v1.put("order_id", 7L);
        v1.put("unit_price", new BigDecimal("12.30"));
        v1.put("created_at", TestRecords.AT_MICROS);

        IndexedRecord decoded = decoder.decode(message(v1));

        assertThat(decoder.recordType()).isEqualTo(GenericData.Record.class);
        assertThat(decoded).isInstanceOf(GenericRecord.class);
        assertThat(decoded.getSchema()).isEqualTo(ORDER_V2);
        GenericRecord order = (GenericRecord) decoded;
        assertThat(order.get("order_id")).isEqualTo(7L);
        assertThat(order.get("unit_price")).isEqualTo(new BigDecimal("12.30"));
        assertThat(order.get("created_at")).isEqualTo(TestRecords.AT_MICROS);
        assertThat(order.get("coupon")).isNull();
    }

    @Test
    void decodesIntoTheGeneratedClassWhenTheServiceClassLoaderHasIt() {
        RequestDecoder decoder = new RequestDecoder(TRANSACTIONS, DECISIONS, getClass().getClassLoader());
        Transaction t = SampleTransactions.transaction(3);

        assertThat(decoder.recordType()).isEqualTo(Transaction.class);
        assertThat(decoder.decode(SpecificRecordCodec.of(Transaction.class, SAMPLE).encode(t))).isEqualTo(t);
    }

    @Test
    void refusesAGeneratedClassOfAnotherVersionThanTheCurrentOne() {
        Schema v2 = TestRecords.parse(Transaction.getClassSchema().toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"added\",\"type\":[\"null\",\"string\"],\"default\":null},"));
        RecordHistory newer = new RecordHistory(List.of(Transaction.getClassSchema(), v2));

        assertThatThrownBy(() -> new RequestDecoder(newer, DECISIONS, getClass().getClassLoader()))
                .isInstanceOf(StaleRecordClassException.class)
                .hasMessageContaining(Transaction.class.getName())
                .hasMessageContaining("Transaction v2");
    }

    @Test
    void whatIsNotARequestMessageFailsToDecodeWithTheReason() throws IOException {
        RequestDecoder decoder = new RequestDecoder(ORDERS, EVERYTHING, getClass().getClassLoader());
        Schema unknown = TestRecords.parse("{\"type\": \"record\", \"name\": \"Stranger\", \"fields\": [{\"name\": \"x\", \"type\": \"int\"}]}");
        GenericRecord stranger = new GenericData.Record(unknown);
        stranger.put("x", 1);

        assertThatThrownBy(() -> decoder.decode("not avro at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> decoder.decode(message(stranger))).isInstanceOf(UnknownSchemaException.class);
        assertThatThrownBy(() -> decoder.decode(message(TestRecords.everything())))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("not a version of the request io.offstream.test.Order");
    }

    static byte[] message(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(AvroModels.generic(), record.getSchema()).encode(record, out);
        return out.toByteArray();
    }
}
