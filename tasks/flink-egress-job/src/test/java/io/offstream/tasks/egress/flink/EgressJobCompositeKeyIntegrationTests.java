package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import io.offstream.contract.naming.RunTopics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

/**
 * A service of its own ({@code quote}, from this module's test catalogue): a two-field key the
 * response does not carry, results written with two response versions, replays of some keys. One row
 * per (order_id, line_no) lands in the dt folder of its partition date, with the key columns in
 * front and every logical type kept.
 */
class EgressJobCompositeKeyIntegrationTests extends EgressJobIntegrationTestSupport {

    static final String RUN_KEY = "quote-run";
    static final LocalDate DAY_ONE = LocalDate.parse("2026-03-01");
    static final int ORDERS = 100;
    static final int LINES = 3;

    @Test
    void landsOneRowPerCompositeKeyWithItsKeyColumnsAndLogicalTypes() throws Exception {
        Map<String, Long> expectedByDt = new TreeMap<>();
        try (EgressTopicFixture topic = new EgressTopicFixture(kafka,
                RunTopics.of("quote", RUN_KEY).egress(), 3, 3, QuoteResults.SERVICE)) {
            List<EgressResult> results = new ArrayList<>();
            for (long order = 1; order <= ORDERS; order++) {
                for (int line = 1; line <= LINES; line++) {
                    // lines 1 and 2 written with response v1, line 3 with v2
                    EgressResult result = QuoteResults.quote(order, line, day(order), line < 3 ? 1 : 2);
                    results.add(result);
                    expectedByDt.merge(result.day().toString(), 1L, Long::sum);
                }
            }
            topic.send(results, true);
            List<EgressResult> replays = new ArrayList<>();
            for (long order = 1; order <= 30; order++) {
                replays.add(QuoteResults.quote(order, 1, day(order), 2));
            }
            topic.send(replays, true);
        }
        Path landing = landing().resolve("quote");
        Path resultFile = workDirectory.resolve("quote.properties");

        int exit = FlinkEgressJob.run(args(QuoteResults.SERVICE, TestServices.TEST_CATALOGUE, RUN_KEY, landing, resultFile));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).as(result.toText()).isZero();
        assertThat(result.service()).isEqualTo("quote");
        assertThat(result.recordsRead()).isEqualTo(ORDERS * LINES + 30);
        assertThat(result.duplicatesDropped()).isEqualTo(30);
        assertThat(result.landedByDt()).isEqualTo(expectedByDt);

        Path runDirectory = runDirectory(landing, "quote", RUN_KEY);
        List<LandedParquet.Row> rows = LandedParquet.readTyped(runDirectory);
        assertThat(rows).hasSize(ORDERS * LINES);
        Map<String, LandedParquet.Row> byKey = rows.stream().collect(Collectors.toMap(
                row -> QuoteResults.key((Long) row.record().get("order_id"), (Integer) row.record().get("line_no")),
                Function.identity()));
        assertThat(byKey).hasSize(ORDERS * LINES);
        assertThat(rows).allSatisfy(row -> assertThat(row.dtFolder())
                .isEqualTo("dt=" + day((Long) row.record().get("order_id"))));

        GenericRecord replayed = byKey.get(QuoteResults.key(7, 1)).record();
        assertThat(replayed.get("currency")).as("the first read result (v1) wins over its v2 replay").hasToString("EUR");
        assertThat(replayed.get("unit_price")).isEqualTo(QuoteResults.unitPrice(7, 1));
        assertThat(replayed.get("total")).isEqualTo(QuoteResults.total(7, 1));
        assertThat(replayed.get("priced_at")).isEqualTo(QuoteResults.pricedAt(7));
        assertThat(replayed.get("valid_until")).isEqualTo(day(7).plusDays(30));
        GenericRecord current = byKey.get(QuoteResults.key(42, 3)).record();
        assertThat(current.get("currency")).hasToString("CHF");
        assertThat(current.get("note")).hasToString("v2 of 42");
        assertThat(current.get("tier")).hasToString(QuoteResults.tier(42));

        MessageType parquet = LandedParquet.parquetSchema(LandedParquet.files(runDirectory).get(0));
        assertThat(parquet.getFields().subList(0, 2)).extracting(t -> t.getName()).containsExactly("order_id", "line_no");
        assertThat(parquet.getType("order_id").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(parquet.getType("total").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 18));
        assertThat(parquet.getType("priced_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(Set.copyOf(LandedParquet.files(runDirectory).stream().map(f -> f.getParent().getFileName().toString()).toList()))
                .containsExactlyInAnyOrder("dt=2026-03-01", "dt=2026-03-02");
    }

    static LocalDate day(long order) {
        return DAY_ONE.plusDays(order % 2);
    }
}
