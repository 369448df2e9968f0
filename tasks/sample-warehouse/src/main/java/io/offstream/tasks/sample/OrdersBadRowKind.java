package io.offstream.tasks.sample;

import java.util.List;

import io.offstream.contract.coerce.RejectReason;

/**
 * The bad rows the {@code orders} dataset plants, one per generic ingress reject reason, each
 * against the pricing service's descriptor (schemas/services/pricing/service.yaml). Every kind
 * names the reason ingress must give and the request field it must name, so a test can hold the
 * quarantine to them. A bad row is bad in exactly one way.
 */
public enum OrdersBadRowKind {

    /** {@code customer_id} is null; the request field is required. */
    NULL_REQUIRED_FIELD(RejectReason.NULL_REQUIRED_FIELD, "customer_id"),
    /** {@code loyalty_points} (text in the warehouse) holds a value that is no number, e.g. {@code 12O}. */
    TYPE_MISMATCH(RejectReason.TYPE_MISMATCH, "loyalty_points"),
    /** {@code quantity} is below 1 or above 10000 (constraint {@code {min: 1, max: 10000}}). */
    OUT_OF_RANGE(RejectReason.OUT_OF_RANGE, "quantity"),
    /** {@code sku} is in lower case, e.g. {@code elc-04211} (pattern {@code [A-Z]{3}-[0-9]{4,6}}). */
    PATTERN_MISMATCH(RejectReason.PATTERN_MISMATCH, "sku"),
    /** {@code currency} is {@code ZZZ}, no ISO 4217 code ({@code in: iso-4217}). */
    NOT_IN_SET(RejectReason.NOT_IN_SET, "currency"),
    /** {@code coupon_code} is longer than 16 characters ({@code max-length: 16}). */
    TOO_LONG(RejectReason.TOO_LONG, "coupon_code"),
    /** {@code created_at} lies before or after the partition's day (the descriptor's event-time). */
    EVENT_TIME_OUTSIDE_PARTITION(RejectReason.EVENT_TIME_OUTSIDE_PARTITION, "created_at"),
    /** ({@code order_id}, {@code line_number}) repeats an earlier good row of the same day; the first is kept. */
    DUPLICATE_KEY(RejectReason.DUPLICATE_KEY, "order_id", "line_no");

    private final List<String> fields;

    private final RejectReason reason;

    OrdersBadRowKind(RejectReason reason, String... fields) {
        this.reason = reason;
        this.fields = List.of(fields);
    }

    /** The reject reason ingress must give, from ingress's own list. */
    public RejectReason reason() {
        return reason;
    }

    /** The request fields the reject must name (the key fields for a duplicate key). */
    public List<String> fields() {
        return fields;
    }
}
