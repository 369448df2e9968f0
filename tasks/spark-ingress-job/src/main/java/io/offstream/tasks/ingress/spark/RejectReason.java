package io.offstream.tasks.ingress.spark;

/** Why a warehouse row was rejected at ingress; the code is stored with the quarantined row. */
public enum RejectReason {
    /** A required field is null or blank. */
    NULL_REQUIRED_FIELD,
    /** amount_minor is below zero. */
    NEGATIVE_AMOUNT,
    /** currency is not an ISO 4217 code. */
    UNKNOWN_CURRENCY,
    /** event_time is not within the UTC day of the row's dt= partition. */
    EVENT_TIME_OUTSIDE_PARTITION,
    /** txn_id, buyer_id or seller_id does not look like an id. */
    MALFORMED_ID,
    /** A text field is longer than the allowed maximum. */
    OVERSIZE_TEXT,
    /** A value cannot be coerced to the field's type (e.g. text in amount_minor). */
    WRONG_TYPE,
    /** A country field is not an ISO 3166-1 alpha-2 code. */
    UNKNOWN_COUNTRY,
    /** The txn_id was already seen earlier in the partition (the first occurrence is kept). */
    DUPLICATE_KEY
}
