package io.offstream.tasks.sample;

/**
 * The kinds of bad rows the sample warehouse plants, spread evenly over the bad-row fraction. Each
 * names the generic reject reason ingress gives it against the {@code risk} catalogue entry
 * (schemas/services/risk/service.yaml); unknown currency and unknown country share
 * {@code NOT_IN_SET}, so the 9 kinds show up as 8 reason codes.
 */
public enum BadRowKind {
    /** buyer_id is null: {@code NULL_REQUIRED_FIELD}. */
    NULL_REQUIRED_FIELD,
    /** amount_minor is negative: {@code OUT_OF_RANGE} (constraint {@code min: 0}). */
    NEGATIVE_AMOUNT,
    /** currency is not an ISO 4217 code: {@code NOT_IN_SET} ({@code in: iso-4217}). */
    UNKNOWN_CURRENCY,
    /** event_time lies outside the partition's day: {@code EVENT_TIME_OUTSIDE_PARTITION}. */
    EVENT_TIME_OUTSIDE_PARTITION,
    /** txn_id is not an id: {@code PATTERN_MISMATCH} (the id pattern). */
    MALFORMED_ID,
    /** item_title is longer than ingress accepts: {@code TOO_LONG} ({@code max-length: 512}). */
    OVERSIZE_TEXT,
    /** amount_minor holds text that is not a number: {@code TYPE_MISMATCH}. */
    WRONG_TYPE,
    /** buyer_country is not an ISO 3166 code: {@code NOT_IN_SET} ({@code in: iso-3166}). */
    UNKNOWN_COUNTRY,
    /** txn_id repeats an earlier good row of the same day: {@code DUPLICATE_KEY}. */
    DUPLICATE_KEY
}
