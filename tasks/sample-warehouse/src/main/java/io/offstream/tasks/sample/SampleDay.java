package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The rows of one sample day, deterministic for (seed, date, rows, bad fraction): exactly
 * {@code rows} rows, of which {@code round(rows × badFraction)} are bad, the kinds taken in turn.
 * Pure Java, so tests can compute what a day holds without reading it back.
 */
public final class SampleDay implements GeneratedDay {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK"};
    private static final String[] CATEGORIES = {"electronics", "books", "fashion", "home", "toys", "sports", "garden"};
    private static final String[] PAYMENTS = {"card", "wallet", "bank_transfer", "gift_card"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "JP", "CA", "AU", "NL", "SE", "ES"};
    private static final String[] WORDS = {"vintage", "wireless", "organic", "compact", "deluxe", "classic", "smart",
            "lamp", "novel", "jacket", "kettle", "puzzle", "racket", "chair", "speaker", "watch"};

    private final LocalDate date;
    private final List<GenericRecord> rows;
    private final List<BadRowKind> kinds;

    private SampleDay(LocalDate date, List<GenericRecord> rows, List<BadRowKind> kinds) {
        this.date = date;
        this.rows = rows;
        this.kinds = kinds;
    }

    public static SampleDay generate(long seed, LocalDate date, int rowCount, double badFraction) {
        Random random = new Random(seed * 1_000_003L + date.toEpochDay());
        List<BadRowKind> kindOf = BadRowSpread.assign(random, rowCount, badFraction, BadRowKind.values());
        String prefix = "t" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        long dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<GenericRecord> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            GenericRecord r = new GenericData.Record(WarehouseSchema.TRANSACTIONS);
            r.put("txn_id", prefix + String.format("%07d", i));
            r.put("buyer_id", "b-" + random.nextInt(50_000));
            r.put("seller_id", "s-" + random.nextInt(5_000));
            r.put("amount_minor", Long.toString(100 + (long) (random.nextDouble() * random.nextDouble() * 500_000)));
            r.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
            r.put("event_time", dayStart + (long) (random.nextDouble() * 86_400_000L));
            r.put("item_category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
            r.put("item_title", random.nextInt(20) == 0 ? null
                    : WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(1000));
            r.put("payment_method", PAYMENTS[random.nextInt(PAYMENTS.length)]);
            String buyerCountry = COUNTRIES[random.nextInt(COUNTRIES.length)];
            r.put("buyer_country", buyerCountry);
            r.put("shipping_country", random.nextInt(10) == 0 ? null : buyerCountry);
            if (kindOf.get(i) != null) {
                spoil(r, kindOf.get(i), i, rows, kindOf, random, dayStart);
            }
            rows.add(r);
        }
        return new SampleDay(date, rows, kindOf);
    }

    private static void spoil(GenericRecord r, BadRowKind kind, int index, List<GenericRecord> earlier, List<BadRowKind> kindOf,
            Random random, long dayStart) {
        switch (kind) {
            case NULL_REQUIRED_FIELD -> r.put("buyer_id", null);
            case NEGATIVE_AMOUNT -> r.put("amount_minor", "-" + (1 + random.nextInt(10_000)));
            case UNKNOWN_CURRENCY -> r.put("currency", "QQQ");
            case EVENT_TIME_OUTSIDE_PARTITION -> r.put("event_time", random.nextBoolean()
                    ? dayStart - 1 - random.nextInt(3_600_000) : dayStart + 86_400_000L + random.nextInt(3_600_000));
            case MALFORMED_ID -> r.put("txn_id", "## bad id " + index + " ##");
            case OVERSIZE_TEXT -> r.put("item_title", "x".repeat(600 + random.nextInt(400)));
            case WRONG_TYPE -> r.put("amount_minor", random.nextInt(1000) + ".5O");
            case UNKNOWN_COUNTRY -> r.put("buyer_country", "XX");
            case DUPLICATE_KEY -> {
                int target = BadRowSpread.earlierGoodRow(random, index, kindOf);
                r.put("txn_id", earlier.get(target).get("txn_id"));
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
    public List<BadRowKind> kinds() {
        return kinds;
    }

    /** Bad rows by kind. */
    public Map<BadRowKind, Integer> badCounts() {
        return BadRowSpread.counts(BadRowKind.class, kinds);
    }

    /** The txn_id. */
    @Override
    public String recordKey(GenericRecord row) {
        return row.get("txn_id").toString();
    }
}
