package io.offstream.tasks.ingress.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.offstream.schemas.sample.Transaction;

/**
 * Validates and coerces one warehouse row into the {@link Transaction} Avro schema: trims text,
 * parses numbers given as text, turns timestamps into epoch millis, checks ranges, enums and
 * lengths, and names the first problem it finds. Pure Java: no Spark, testable alone.
 */
public final class TransactionCoercer implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final int maxTextLength;

    public TransactionCoercer(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /**
     * @param row the row's values by column name
     * @param partitionDate the day of the row's dt= partition
     * @param duplicate whether an earlier row of the partition has the same txn_id
     */
    public CoercionResult coerce(Function<String, Object> row, LocalDate partitionDate, boolean duplicate) {
        try {
            return coerceOrThrow(row, partitionDate, duplicate);
        } catch (Reject r) {
            return CoercionResult.reject(r.reason, r.getMessage());
        }
    }

    private CoercionResult coerceOrThrow(Function<String, Object> row, LocalDate partitionDate, boolean duplicate) {
        String txnId = id(row, "txn_id");
        String buyerId = id(row, "buyer_id");
        String sellerId = id(row, "seller_id");
        long amount = amount(row.apply("amount_minor"));
        String currency = required(row, "currency").toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(currency)) {
            throw new Reject(RejectReason.UNKNOWN_CURRENCY, "currency '" + currency + "' is not an ISO 4217 code");
        }
        long eventTime = timestamp(row.apply("event_time"));
        long dayStart = partitionDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long dayEnd = partitionDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        if (eventTime < dayStart || eventTime >= dayEnd) {
            throw new Reject(RejectReason.EVENT_TIME_OUTSIDE_PARTITION,
                    "event_time " + Instant.ofEpochMilli(eventTime) + " is outside partition dt=" + partitionDate);
        }
        String category = required(row, "item_category");
        String title = optional(row, "item_title");
        String paymentMethod = required(row, "payment_method");
        String buyerCountry = country("buyer_country", required(row, "buyer_country"));
        String shippingCountry = optional(row, "shipping_country");
        if (shippingCountry != null) {
            shippingCountry = country("shipping_country", shippingCountry);
        }
        if (duplicate) {
            throw new Reject(RejectReason.DUPLICATE_KEY, "txn_id '" + txnId + "' appeared earlier in partition dt=" + partitionDate);
        }
        return CoercionResult.accept(Transaction.newBuilder()
                .setTxnId(txnId).setBuyerId(buyerId).setSellerId(sellerId)
                .setAmountMinor(amount).setCurrency(currency).setEventTime(Instant.ofEpochMilli(eventTime))
                .setItemCategory(category).setItemTitle(title).setPaymentMethod(paymentMethod)
                .setBuyerCountry(buyerCountry).setShippingCountry(shippingCountry)
                .build());
    }

    private String id(Function<String, Object> row, String field) {
        String value = required(row, field);
        if (!ID.matcher(value).matches()) {
            throw new Reject(RejectReason.MALFORMED_ID, field + " '" + abbreviate(value) + "' is not a valid id");
        }
        return value;
    }

    private String required(Function<String, Object> row, String field) {
        String value = optional(row, field);
        if (value == null) {
            throw new Reject(RejectReason.NULL_REQUIRED_FIELD, field + " is required but is null or blank");
        }
        return value;
    }

    private String optional(Function<String, Object> row, String field) {
        Object raw = row.apply(field);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof CharSequence)) {
            throw new Reject(RejectReason.WRONG_TYPE, field + " should be text but is " + raw.getClass().getSimpleName());
        }
        String value = raw.toString().trim();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxTextLength) {
            throw new Reject(RejectReason.OVERSIZE_TEXT, field + " has " + value.length() + " characters, at most "
                    + maxTextLength + " are allowed");
        }
        return value;
    }

    private static String country(String field, String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new Reject(RejectReason.UNKNOWN_COUNTRY, field + " '" + abbreviate(value) + "' is not an ISO 3166-1 alpha-2 code");
        }
        return code;
    }

    private static long amount(Object raw) {
        if (raw == null) {
            throw new Reject(RejectReason.NULL_REQUIRED_FIELD, "amount_minor is required but is null");
        }
        long amount;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            amount = ((Number) raw).longValue();
        } else if (raw instanceof BigDecimal || raw instanceof CharSequence) {
            String text = raw.toString().trim();
            if (text.isEmpty()) {
                throw new Reject(RejectReason.NULL_REQUIRED_FIELD, "amount_minor is required but is blank");
            }
            try {
                amount = new BigDecimal(text).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new Reject(RejectReason.WRONG_TYPE, "amount_minor '" + abbreviate(text) + "' is not a whole number of minor units");
            }
        } else {
            throw new Reject(RejectReason.WRONG_TYPE, "amount_minor should be a whole number but is " + raw.getClass().getSimpleName());
        }
        if (amount < 0) {
            throw new Reject(RejectReason.NEGATIVE_AMOUNT, "amount_minor " + amount + " is negative");
        }
        return amount;
    }

    private static long timestamp(Object raw) {
        if (raw == null) {
            throw new Reject(RejectReason.NULL_REQUIRED_FIELD, "event_time is required but is null");
        }
        if (raw instanceof Timestamp ts) {
            return ts.getTime();
        }
        if (raw instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (raw instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof CharSequence text) {
            String s = text.toString().trim();
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                try {
                    return Instant.parse(s).toEpochMilli();
                } catch (RuntimeException e2) {
                    throw new Reject(RejectReason.WRONG_TYPE, "event_time '" + abbreviate(s) + "' is not an ISO-8601 timestamp");
                }
            }
        }
        throw new Reject(RejectReason.WRONG_TYPE, "event_time should be a timestamp but is " + raw.getClass().getSimpleName());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RejectReason reason;

        Reject(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
