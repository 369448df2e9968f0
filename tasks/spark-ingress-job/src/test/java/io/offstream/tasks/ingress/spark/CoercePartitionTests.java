package io.offstream.tasks.ingress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.offstream.contract.coerce.RowCoercer;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/**
 * The Spark side of coercion, without a Spark session: source rows of the sample warehouse (the
 * checkout's {@code risk} entry) become verdict rows, accepted with key and encoded request, or
 * rejected with the generic reason, field and message; every source column is kept as text.
 */
class CoercePartitionTests {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final List<String> COLUMNS = List.of("txn_id", "buyer_id", "seller_id", "amount_minor", "currency", "event_time",
            "item_category", "item_title", "payment_method", "buyer_country", "shipping_country");

    private final ServiceDefinition risk = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri())
            .load("risk");
    private final ServiceSchemas schemas = ServiceSchemas.of(risk.schemaHistory());
    private final CoercePartition coerce = new CoercePartition(RowCoercer.of(risk), schemas, COLUMNS, DAY, 1024 * 1024);

    /** @param rawKey the trimmed key text the rows of one key are grouped and ordered by */
    private static Row source(String txnId, String amount, String rawKey) {
        StructType type = new StructType();
        for (String c : COLUMNS) {
            type = type.add(c, c.equals("event_time") ? DataTypes.TimestampType : DataTypes.StringType);
        }
        type = type.add(VerdictColumns.SOURCE_FILE, DataTypes.StringType).add(VerdictColumns.SOURCE_ROW, DataTypes.LongType)
                .add(CoercePartition.RAW_KEY, DataTypes.StringType);
        return new GenericRowWithSchema(new Object[] {txnId, "b-1", "s-1", amount, "EUR",
                Timestamp.from(Instant.parse("2026-03-01T08:00:00Z")), "books", null, "card", "DE", "DE", "file:/w/dt=2026-03-01/p.parquet",
                7L, rawKey}, type);
    }

    private List<Row> verdicts(Row... rows) {
        List<Row> out = new ArrayList<>();
        Iterator<Row> it = coerce.call(List.of(rows).iterator());
        it.forEachRemaining(out::add);
        return out;
    }

    private static Object at(Row verdict, String column) {
        return verdict.get(COLUMNS.size() + VerdictColumns.AFTER_SOURCE.indexOf(column));
    }

    @Test
    void anAcceptedRowCarriesItsKeyAndTheEncodedRequest() {
        Row verdict = verdicts(source("t-1", "250", "t-1")).get(0);
        assertThat(at(verdict, VerdictColumns.ACCEPTED)).isEqualTo(true);
        assertThat(at(verdict, VerdictColumns.KEY)).isEqualTo("t-1");
        GenericRecord request = schemas.codec().decode((byte[]) at(verdict, VerdictColumns.VALUE));
        assertThat(request.get("amount_minor")).isEqualTo(250L);
        assertThat(at(verdict, VerdictColumns.SOURCE_ROW)).isEqualTo(7L);
        assertThat(verdict.get(COLUMNS.indexOf("txn_id"))).as("only the quarantine keeps the source as text").isNull();
    }

    @Test
    void aRejectedRowCarriesTheGenericReasonItsFieldAndTheSourceAsText() {
        Row verdict = verdicts(source("t-2", "-5", "t-2")).get(0);
        assertThat(at(verdict, VerdictColumns.ACCEPTED)).isEqualTo(false);
        assertThat(at(verdict, VerdictColumns.REASON_CODE)).isEqualTo("OUT_OF_RANGE");
        assertThat(at(verdict, VerdictColumns.REASON_FIELD)).isEqualTo("amount_minor");
        assertThat((String) at(verdict, VerdictColumns.REASON_MESSAGE)).contains("amount_minor '-5'");
        assertThat(verdict.get(COLUMNS.indexOf("event_time"))).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(verdict.get(COLUMNS.indexOf("item_title"))).isNull();
    }

    @Test
    void aLaterOccurrenceOfAKeyIsADuplicate() {
        List<Row> rows = verdicts(source("t-3", "1", "t-3"), source(" t-3 ", "2", "t-3"), source("t-5", "2", "t-5"));
        assertThat(at(rows.get(0), VerdictColumns.ACCEPTED)).isEqualTo(true);
        assertThat(at(rows.get(1), VerdictColumns.REASON_CODE)).isEqualTo("DUPLICATE_KEY");
        assertThat(at(rows.get(2), VerdictColumns.ACCEPTED)).as("another key starts over").isEqualTo(true);
    }

    @Test
    void aRecordLargerThanTheProducerSendsIsQuarantinedAsTooLargeAndFreesItsKey() {
        int justEnough = CoercePartition.RECORD_OVERHEAD_BYTES + 400;
        CoercePartition small = new CoercePartition(RowCoercer.of(risk), schemas, COLUMNS, DAY, justEnough);
        Row big = source("t-6", "1", "t-6");
        Object[] values = ((GenericRowWithSchema) big).values().clone();
        values[COLUMNS.indexOf("item_title")] = "x".repeat(450);
        List<Row> rows = new ArrayList<>();
        small.call(List.<Row>of(new GenericRowWithSchema(values, big.schema()), source("t-6", "2", "t-6")).iterator())
                .forEachRemaining(rows::add);

        assertThat(at(rows.get(0), VerdictColumns.ACCEPTED)).isEqualTo(false);
        assertThat(at(rows.get(0), VerdictColumns.REASON_CODE)).isEqualTo("RECORD_TOO_LARGE");
        assertThat((String) at(rows.get(0), VerdictColumns.REASON_MESSAGE)).contains("key 't-6'").contains("above the " + justEnough);
        assertThat(rows.get(0).get(COLUMNS.indexOf("item_title"))).as("kept as text in the quarantine").isEqualTo("x".repeat(450));
        assertThat(at(rows.get(1), VerdictColumns.ACCEPTED)).as("a fitting row of the same key after it").isEqualTo(true);
    }

    @Test
    void aBadFirstOccurrenceOfAKeyDoesNotMakeTheGoodOneAfterItADuplicate() {
        List<Row> rows = verdicts(source("t-4", "-5", "t-4"), source("t-4", "9", "t-4"), source("t-4", "10", "t-4"));
        assertThat(at(rows.get(0), VerdictColumns.REASON_CODE)).isEqualTo("OUT_OF_RANGE");
        assertThat(at(rows.get(1), VerdictColumns.ACCEPTED)).isEqualTo(true);
        assertThat(schemas.codec().decode((byte[]) at(rows.get(1), VerdictColumns.VALUE)).get("amount_minor")).isEqualTo(9L);
        assertThat(at(rows.get(2), VerdictColumns.REASON_CODE)).isEqualTo("DUPLICATE_KEY");
    }
}
