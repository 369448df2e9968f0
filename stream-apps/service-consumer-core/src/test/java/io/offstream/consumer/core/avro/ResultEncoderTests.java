package io.offstream.consumer.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.offstream.consumer.core.TestRecords;
import io.offstream.consumer.core.json.PlainJsonCodec;
import io.offstream.consumer.core.json.PlainJsonWriter;
import io.offstream.schemas.codec.Fingerprints;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.MessageEncodingException;
import io.offstream.schemas.codec.SingleObjectHeader;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.sample.RiskDecision;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

class ResultEncoderTests {

    @Test
    void encodesAGenericResultWithLogicalValuesByItsOwnSchema() throws IOException {
        ResultEncoder encoder = new ResultEncoder(RequestDecoderTests.EVERYTHING);
        GenericRecord result = TestRecords.everything();

        byte[] message = encoder.encode(result);

        GenericRecord decoded = new BinaryMessageDecoder<GenericRecord>(AvroModels.generic(), TestRecords.EVERYTHING).decode(message);
        assertThat(PlainJsonWriter.write(decoded)).isEqualTo(PlainJsonWriter.write(result));
    }

    @Test
    void encodesWhatTheHttpInvokerReadsFromPlainJson() throws IOException {
        ResultEncoder encoder = new ResultEncoder(RequestDecoderTests.EVERYTHING);
        byte[] json = PlainJsonWriter.write(TestRecords.everything());
        GenericRecord answer = PlainJsonCodec.of(TestRecords.EVERYTHING).read(json);

        GenericRecord decoded = new BinaryMessageDecoder<GenericRecord>(AvroModels.generic(), TestRecords.EVERYTHING)
                .decode(encoder.encode(answer));
        assertThat(PlainJsonWriter.write(decoded)).isEqualTo(json);
    }

    @Test
    void encodesAGeneratedResultByteForByteAsItsOwnCodecWould() {
        HistorySchemaStore store = HistorySchemaStore.fromClasspath();
        ResultEncoder encoder = new ResultEncoder(store.history().require(RiskDecision.getClassSchema().getFullName()));
        RiskDecision decision = RiskDecision.newBuilder().setTxnId("t1").setDecision("APPROVE").setRiskScore(12)
                .setReasons(List.of("A")).setAmountUsdMinor(100).setSellerTier("new").setServiceVersion("v")
                .setEventTime(Instant.ofEpochMilli(1_700_000_000_000L)).build();

        assertThat(encoder.encode(decision)).isEqualTo(SpecificRecordCodec.of(RiskDecision.class, store).encode(decision));
    }

    @Test
    void anOlderReleasedVersionIsWrittenWithItsOwnFingerprint() {
        ResultEncoder encoder = new ResultEncoder(RequestDecoderTests.ORDERS);
        GenericRecord v1 = new GenericData.Record(RequestDecoderTests.ORDER_V1);
        v1.put("order_id", 1L);
        v1.put("unit_price", new BigDecimal("1.00"));
        v1.put("created_at", TestRecords.AT_MICROS);

        assertThat(SingleObjectHeader.fingerprint(encoder.encode(v1))).isEqualTo(Fingerprints.of(RequestDecoderTests.ORDER_V1));
    }

    @Test
    void refusesWhatIsNoReleasedVersionOfTheResponse() {
        ResultEncoder encoder = new ResultEncoder(new RecordHistory(List.of(RequestDecoderTests.ORDER_V1)));
        GenericRecord v2 = new GenericData.Record(RequestDecoderTests.ORDER_V2);

        assertThatThrownBy(() -> encoder.encode(v2)).isInstanceOf(MessageEncodingException.class)
                .hasMessageContaining("no released version of the response io.offstream.test.Order (v1..v1)");
        assertThatThrownBy(() -> encoder.encode("a string")).isInstanceOf(MessageEncodingException.class)
                .hasMessageContaining("returned a java.lang.String");
        assertThatThrownBy(() -> encoder.encode(null)).isInstanceOf(MessageEncodingException.class)
                .hasMessageContaining("returned null");
    }
}
