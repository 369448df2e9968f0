package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class OrdersDayTests {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    @Test
    void writesExactlyTheRowsAskedWithEveryKindEvenlySpread() {
        OrdersDay day = OrdersDay.generate(42, DAY, 8_000, 0.08);
        assertThat(day.rows()).hasSize(8_000);
        assertThat(day.badCounts()).containsOnlyKeys(OrdersBadRowKind.values())
                .allSatisfy((kind, count) -> assertThat(count).isEqualTo(80));
        assertThat(day.acceptedKeys()).hasSize(8_000 - 640).doesNotHaveDuplicates();
    }

    @Test
    void spreadsEachKindOverTheWholeDay() {
        OrdersDay day = OrdersDay.generate(42, DAY, 8_000, 0.08);
        for (OrdersBadRowKind kind : OrdersBadRowKind.values()) {
            long firstHalf = positionsOf(day, kind).stream().filter(i -> i < 4_000).count();
            assertThat(firstHalf).as(kind.name()).isBetween(25L, 55L);
        }
    }

    @Test
    void everyKindAppearsOnceTheFractionAllowsOneOfEach() {
        OrdersDay day = OrdersDay.generate(3, DAY, 100, 0.08);
        assertThat(day.badCounts()).containsOnlyKeys(OrdersBadRowKind.values());
    }

    @Test
    void isDeterministicForASeed() {
        OrdersDay a = OrdersDay.generate(7, DAY, 1_000, 0.08);
        OrdersDay b = OrdersDay.generate(7, DAY, 1_000, 0.08);
        OrdersDay c = OrdersDay.generate(8, DAY, 1_000, 0.08);
        // toString, not equals: Avro's generic equality does not know BigDecimal decimals
        assertThat(a.rows().toString()).isEqualTo(b.rows().toString());
        assertThat(a.rows().toString()).isNotEqualTo(c.rows().toString());
        assertThat(OrdersDay.generate(7, DAY.plusDays(1), 1_000, 0.08).rows().toString()).isNotEqualTo(a.rows().toString());
    }

    @Test
    void linesOfAnOrderAreNumberedFromOne() {
        List<GenericRecord> rows = OrdersDay.generate(42, DAY, 2_000, 0.0).rows();
        assertThat(rows.get(0).get("order_id")).isEqualTo(20260101_0000001L);
        for (int i = 1; i < rows.size(); i++) {
            long order = (Long) rows.get(i).get("order_id");
            long previous = (Long) rows.get(i - 1).get("order_id");
            int line = (Integer) rows.get(i).get("line_number");
            if (order == previous) {
                assertThat(line).isEqualTo((Integer) rows.get(i - 1).get("line_number") + 1);
            } else {
                assertThat(order).isEqualTo(previous + 1);
                assertThat(line).isEqualTo(1);
            }
        }
    }

    @Test
    void goodRowsHaveEveryWarehouseValueShaped() {
        for (GenericRecord row : OrdersDay.generate(42, DAY, 3_000, 0.0).rows()) {
            assertThat(((BigDecimal) row.get("unit_price")).scale()).isEqualTo(2);
            assertThat(row.get("tags")).isInstanceOf(List.class);
            assertThat(((GenericRecord) row.get("shipping")).get("country")).isNotNull();
        }
    }

    @Test
    void duplicatesRepeatAnEarlierAcceptedKey() {
        OrdersDay day = OrdersDay.generate(42, DAY, 5_000, 0.08);
        Set<String> acceptedSoFar = new HashSet<>();
        for (int i = 0; i < day.rows().size(); i++) {
            String key = OrdersDay.keyOf(day.rows().get(i));
            if (day.kinds().get(i) == null) {
                acceptedSoFar.add(key);
            } else if (day.kinds().get(i) == OrdersBadRowKind.DUPLICATE_KEY) {
                assertThat(acceptedSoFar).contains(key);
            }
        }
    }

    @Test
    void keysAreTheRunContractsTwoFieldKey() {
        OrdersDay day = OrdersDay.generate(42, DAY, 10, 0.0);
        assertThat(day.acceptedKeys()).first().isEqualTo("202601010000001|1");
    }

    private static List<Integer> positionsOf(OrdersDay day, OrdersBadRowKind kind) {
        return java.util.stream.IntStream.range(0, day.kinds().size()).filter(i -> day.kinds().get(i) == kind).boxed().toList();
    }
}
