package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.schemas.codec.MessageDecodingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class LandingRowsTests {

    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    private final GenericRecordCodec codec = new GenericRecordCodec(QuoteResults.SERVICE.schemaStore());
    private final LandingRows rows = ServiceSchemas.of(QuoteResults.SERVICE).landingRows();

    @Test
    void theLandingRowIsTheCurrentResponseWithTheKeyFieldsItLacksInFront() {
        EgressResult result = QuoteResults.quote(1001, 2, DAY, 2);

        GenericRecord row = rows.row(result.key(), codec.encode(result.value()));

        assertThat(row.getSchema().getFields()).extracting(Schema.Field::name).startsWith("order_id", "line_no", "unit_price")
                .endsWith("currency", "note");
        assertThat(row.get("order_id")).isEqualTo(1001L);
        assertThat(row.get("line_no")).isEqualTo(2);
        assertThat(row.get("unit_price")).as("a bytes decimal lands as a fixed").isInstanceOf(GenericFixed.class);
        Schema unitPrice = row.getSchema().getField("unit_price").schema();
        assertThat(new Conversions.DecimalConversion().fromFixed((GenericFixed) row.get("unit_price"), unitPrice,
                unitPrice.getLogicalType())).isEqualTo(QuoteResults.unitPrice(1001, 2));
        assertThat(row.get("currency")).hasToString("CHF");
        assertThat(row.get("tier")).hasToString(QuoteResults.tier(1001));
    }

    @Test
    void aResultOfAnOlderResponseVersionLandsResolvedToTheCurrentOne() {
        EgressResult result = QuoteResults.quote(1001, 3, DAY, 1);

        GenericRecord row = rows.row(result.key(), codec.encode(result.value()));

        assertThat(row.get("currency")).as("v2's default").hasToString("EUR");
        assertThat(row.get("note")).isNull();
        assertThat(row.get("line_no")).isEqualTo(3);
    }

    @Test
    void aRequestOnTheEgressTopicIsNoResult() {
        GenericRecord request = new GenericData.Record(QuoteResults.SERVICE.requestSchema());
        request.put("order_id", 1L);
        request.put("line_no", 1);
        request.put("sku", "SKU-1");
        request.put("quantity", 1);
        request.put("created_at", 0L);

        assertThatThrownBy(() -> rows.check("1|1", codec.encode(request)))
                .hasMessage("its value is a com.example.quote.QuoteRequest, not a version of the response com.example.quote.Quote");
        assertThatThrownBy(() -> rows.check("1|1", new byte[] {1, 2, 3})).isInstanceOf(MessageDecodingException.class);
        assertThatThrownBy(() -> rows.check("1|1", null)).hasMessage("it has no value");
    }

    @Test
    void aKeyThatDoesNotFitTheKeyFieldsIsRefused() {
        byte[] value = codec.encode(QuoteResults.quote(1, 1, DAY, 2).value());

        assertThatThrownBy(() -> rows.check("1001", value)).hasMessageContaining("has 1 parts");
        assertThatThrownBy(() -> rows.check("T-1|2", value))
                .hasMessageStartingWith("key 'T-1|2': its order_id part 'T-1' is not a long");
        assertThatThrownBy(() -> rows.check("1|2.5", value)).hasMessageStartingWith("key '1|2.5': its line_no part '2.5' is not a int");
    }

    @Test
    void theSchemasTravelToOperatorsAsTextAndBuildTheSameLandingSchema() throws Exception {
        ServiceSchemas schemas = ServiceSchemas.of(QuoteResults.SERVICE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(schemas);
        }
        ServiceSchemas shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (ServiceSchemas) in.readObject();
        }

        assertThat(shipped.landingRows().landingSchema()).isEqualTo(schemas.landingRows().landingSchema());
        assertThat(shipped.keyFields()).containsExactly("order_id", "line_no");
    }
}
