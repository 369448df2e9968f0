package io.offstream.tasks.egress.flink;

import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.service.ServiceDefinition;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Results of the test-only {@code quote} service in Avro's raw generic form (decimals as bytes and
 * fixed, timestamps as longs, the date as an int), written with response v1 or v2; every value is a
 * function of (order, line) so a test can say what must have landed.
 */
final class QuoteResults {

    static final ServiceDefinition SERVICE = TestServices.quote();
    static final RecordKeys KEYS = new RecordKeys(SERVICE.descriptor().key());
    static final Instant PRICED = Instant.parse("2026-03-01T10:15:30.123456Z");

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private QuoteResults() {
    }

    static String key(long orderId, int lineNo) {
        return RecordKeys.join(List.of(Long.toString(orderId), Integer.toString(lineNo)));
    }

    static EgressResult quote(long orderId, int lineNo, LocalDate day, int responseVersion) {
        Schema schema = SERVICE.response().version(responseVersion).schema();
        GenericRecord quote = new GenericData.Record(schema);
        quote.put("unit_price", bytes(unitPrice(orderId, lineNo), schema.getField("unit_price").schema()));
        quote.put("total", fixed(total(orderId, lineNo), schema.getField("total").schema()));
        quote.put("priced_at", micros(pricedAt(orderId)));
        quote.put("valid_until", (int) day.plusDays(30).toEpochDay());
        Schema discount = schema.getField("discounts").schema().getElementType();
        GenericRecord loyalty = new GenericData.Record(discount);
        loyalty.put("code", "LOYALTY");
        loyalty.put("amount", bytes(new BigDecimal("1.50"), discount.getField("amount").schema()));
        quote.put("discounts", lineNo % 2 == 0 ? List.of() : List.of(loyalty));
        quote.put("tags", List.of("line-" + lineNo, "order-" + orderId));
        Schema breakdownSchema = schema.getField("breakdown").schema();
        GenericRecord breakdown = new GenericData.Record(breakdownSchema);
        breakdown.put("base", bytes(unitPrice(orderId, lineNo), breakdownSchema.getField("base").schema()));
        breakdown.put("tax_rate", 0.2);
        breakdown.put("computed_at", pricedAt(orderId).toEpochMilli());
        quote.put("breakdown", breakdown);
        quote.put("tier", new GenericData.EnumSymbol(schema.getField("tier").schema(), tier(orderId)));
        Schema channel = schema.getField("channel").schema().getTypes().get(1);
        quote.put("channel", orderId % 3 == 0 ? null : new GenericData.EnumSymbol(channel, "APP"));
        if (responseVersion >= 2) {
            quote.put("currency", "CHF");
            quote.put("note", "v2 of " + orderId);
        }
        return new EgressResult(key(orderId, lineNo), day, quote);
    }

    static BigDecimal unitPrice(long orderId, int lineNo) {
        return BigDecimal.valueOf(orderId * 100 + lineNo * 7L, 2);
    }

    static BigDecimal total(long orderId, int lineNo) {
        return unitPrice(orderId, lineNo).multiply(BigDecimal.valueOf(lineNo + 1L));
    }

    static Instant pricedAt(long orderId) {
        return PRICED.plus(orderId, ChronoUnit.MICROS);
    }

    static String tier(long orderId) {
        return List.of("STANDARD", "GOLD", "PLATINUM").get((int) (orderId % 3));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static ByteBuffer bytes(BigDecimal value, Schema schema) {
        return DECIMALS.toBytes(value, schema, schema.getLogicalType());
    }

    private static GenericFixed fixed(BigDecimal value, Schema schema) {
        return DECIMALS.toFixed(value, schema, schema.getLogicalType());
    }
}
