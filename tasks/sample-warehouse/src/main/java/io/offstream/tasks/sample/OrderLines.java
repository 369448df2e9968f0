package io.offstream.tasks.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Good order lines of one day, in {@link WarehouseSchema#ORDERS}: orders of 1 to 4 lines that
 * share the customer, time, currency, address, channel and coupon; every value within the
 * pricing descriptor's constraints. Deterministic for the {@link Random} it draws from.
 */
final class OrderLines {

    /** Microseconds in a day: {@code created_at} of a good line lies in [day start, day start + this). */
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "SEK", "CHF", "JPY", "CAD", "AUD"};
    private static final String[] DEPARTMENTS = {"ELC", "BOK", "FSH", "HOM", "TOY", "SPT", "GRD"};
    private static final String[] TAGS = {"clearance", "vip", "bulk", "gift", "new"};
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "NL", "SE", "ES", "CH", "US", "CA", "JP", "AU", "BR", "IN"};
    private static final String[] CHANNELS = {"WEB", "APP", "STORE"};
    private static final String[] COUPONS = {"SAVE5", "SAVE10", "SAVE25", "FIVEOFF", "WELCOME2026"};

    private final Random random;
    private final long firstOrderId;
    private final long dayStartMicros;

    private long orders;
    private int linesLeft;
    private int lineNumber;
    private Order order;

    /** What the lines of one order share. */
    private record Order(long id, String customerId, long createdAt, String currency, String country, String postalCode,
            String channel, String couponCode) {
    }

    OrderLines(Random random, LocalDate date) {
        this.random = random;
        // readable ids: 2026-01-01's orders are 20260101_0000001, 20260101_0000002, ...
        this.firstOrderId = Long.parseLong(date.format(DateTimeFormatter.BASIC_ISO_DATE)) * 10_000_000L + 1;
        this.dayStartMicros = dayStartMicros(date);
    }

    static long dayStartMicros(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    }

    /** The next line: the next one of the current order, or the first of a new order. */
    GenericRecord next() {
        if (linesLeft == 0) {
            order = nextOrder();
            linesLeft = 1 + random.nextInt(4);
            lineNumber = 0;
        }
        linesLeft--;
        lineNumber++;
        GenericRecord line = new GenericData.Record(WarehouseSchema.ORDERS);
        line.put("order_id", order.id());
        line.put("line_number", lineNumber);
        line.put("customer_id", order.customerId());
        line.put("created_at", order.createdAt());
        line.put("unit_price", BigDecimal.valueOf(50 + (long) (random.nextDouble() * random.nextDouble() * 100_000), 2));
        line.put("quantity", random.nextInt(20) == 0 ? 10 + random.nextInt(190) : 1 + random.nextInt(5));
        line.put("currency", order.currency());
        line.put("sku", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] + "-" + String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
        line.put("tags", tags());
        GenericRecord shipping = new GenericData.Record(WarehouseSchema.SHIPPING);
        shipping.put("country", order.country());
        shipping.put("postal_code", order.postalCode());
        line.put("shipping", shipping);
        line.put("channel", order.channel());
        line.put("coupon_code", order.couponCode());
        line.put("loyalty_points", random.nextInt(6) == 0 ? Integer.toString(random.nextInt(2_000)) : null);
        return line;
    }

    private Order nextOrder() {
        long id = firstOrderId + orders++;
        String customerId = String.format(Locale.ROOT, "C%08d", random.nextInt(2_000_000));
        long createdAt = dayStartMicros + random.nextLong(MICROS_PER_DAY);
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String postalCode = random.nextInt(15) == 0 ? null : String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
        String channel = random.nextInt(10) == 0 ? null : CHANNELS[random.nextInt(CHANNELS.length)];
        String couponCode = random.nextInt(8) == 0 ? COUPONS[random.nextInt(COUPONS.length)] : null;
        return new Order(id, customerId, createdAt, currency, country, postalCode, channel, couponCode);
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(8) == 0) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
