package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.avro.generic.GenericRecord;

import io.offstream.contract.keys.RecordKeys;

/**
 * The order lines of one day of the {@code orders} dataset, deterministic for (seed, date, rows,
 * bad fraction): exactly {@code rows} lines, of which {@code round(rows × badFraction)} are bad,
 * the {@link OrdersBadRowKind}s taken in turn. Pure Java, so tests can compute what a day holds
 * without reading it back.
 */
public final class OrdersDay implements GeneratedDay {

    /** What NOT_IN_SET puts in {@code currency}: no ISO 4217 code. */
    static final String UNKNOWN_CURRENCY = "ZZZ";

    private final LocalDate date;
    private final List<GenericRecord> rows;
    private final List<OrdersBadRowKind> kinds;

    private OrdersDay(LocalDate date, List<GenericRecord> rows, List<OrdersBadRowKind> kinds) {
        this.date = date;
        this.rows = rows;
        this.kinds = kinds;
    }

    public static OrdersDay generate(long seed, LocalDate date, int rowCount, double badFraction) {
        Random random = new Random(seed * 1_000_003L + date.toEpochDay());
        List<OrdersBadRowKind> kindOf = BadRowSpread.assign(random, rowCount, badFraction, OrdersBadRowKind.values());
        OrderLines lines = new OrderLines(random, date);
        List<GenericRecord> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            GenericRecord line = lines.next();
            if (kindOf.get(i) != null) {
                spoil(line, kindOf.get(i), i, rows, kindOf, random, OrderLines.dayStartMicros(date));
            }
            rows.add(line);
        }
        return new OrdersDay(date, rows, kindOf);
    }

    /** Makes a good line bad in exactly the one way its kind names. */
    private static void spoil(GenericRecord line, OrdersBadRowKind kind, int index, List<GenericRecord> earlier,
            List<OrdersBadRowKind> kindOf, Random random, long dayStartMicros) {
        switch (kind) {
            case NULL_REQUIRED_FIELD -> line.put("customer_id", null);
            // a letter O for a zero, as a hand-keyed export has it
            case TYPE_MISMATCH -> line.put("loyalty_points", (1 + random.nextInt(99)) + "O");
            case OUT_OF_RANGE -> line.put("quantity", random.nextBoolean() ? -random.nextInt(3) : 10_001 + random.nextInt(10_000));
            case PATTERN_MISMATCH -> line.put("sku", line.get("sku").toString().toLowerCase(Locale.ROOT));
            case NOT_IN_SET -> line.put("currency", UNKNOWN_CURRENCY);
            case TOO_LONG -> line.put("coupon_code", String.format(Locale.ROOT, "SEASONAL-SALE-%06d", random.nextInt(1_000_000)));
            case EVENT_TIME_OUTSIDE_PARTITION -> line.put("created_at", random.nextBoolean()
                    ? dayStartMicros - 1 - random.nextLong(3_600_000_000L)
                    : dayStartMicros + OrderLines.MICROS_PER_DAY + random.nextLong(3_600_000_000L));
            case DUPLICATE_KEY -> {
                // an earlier good line of the day (the first line always is one): ingress keeps that one
                int target = BadRowSpread.earlierGoodRow(random, index, kindOf);
                line.put("order_id", earlier.get(target).get("order_id"));
                line.put("line_number", earlier.get(target).get("line_number"));
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public List<GenericRecord> rows() {
        return rows;
    }

    @Override
    public List<OrdersBadRowKind> kinds() {
        return kinds;
    }

    /** Bad lines by kind. */
    public Map<OrdersBadRowKind, Integer> badCounts() {
        return BadRowSpread.counts(OrdersBadRowKind.class, kinds);
    }

    /** {@code order_id|line_no}, as the run contract writes a two-field key. */
    @Override
    public String recordKey(GenericRecord row) {
        return keyOf(row);
    }

    /** The record key of a line, {@code order_id|line_no}. */
    public static String keyOf(GenericRecord line) {
        return RecordKeys.join(List.of(String.valueOf(line.get("order_id")), String.valueOf(line.get("line_number"))));
    }
}
