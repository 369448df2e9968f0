package io.offstream.tasks.sample;

/** The kinds of bad rows the sample warehouse plants, spread evenly over the bad-row fraction. */
public enum BadRowKind {
    /** buyer_id is null. */
    NULL_REQUIRED_FIELD,
    /** amount_minor is negative. */
    NEGATIVE_AMOUNT,
    /** currency is not an ISO 4217 code. */
    UNKNOWN_CURRENCY,
    /** event_time lies outside the partition's day. */
    EVENT_TIME_OUTSIDE_PARTITION,
    /** txn_id is not an id. */
    MALFORMED_ID,
    /** item_title is longer than ingress accepts. */
    OVERSIZE_TEXT,
    /** amount_minor holds text that is not a number. */
    WRONG_TYPE,
    /** buyer_country is not an ISO 3166 code. */
    UNKNOWN_COUNTRY,
    /** txn_id repeats an earlier good row of the same day. */
    DUPLICATE_KEY
}
