package io.offstream.tasks.sample;

import io.offstream.contract.coerce.RejectReason;

/**
 * The kinds of bad rows the sample warehouse plants, spread evenly over the bad-row fraction. Each
 * names the generic reject reason ingress gives it against the {@code risk} catalogue entry
 * (schemas/services/risk/service.yaml), taken from ingress's own list ({@link RejectReason}) so a
 * renamed or removed reason breaks the build here; unknown currency and unknown country share
 * {@code NOT_IN_SET}, so the 9 kinds show up as 8 reason codes.
 */
public enum BadRowKind {
    /** buyer_id is null: {@code NULL_REQUIRED_FIELD}. */
    NULL_REQUIRED_FIELD(RejectReason.NULL_REQUIRED_FIELD),
    /** amount_minor is negative: {@code OUT_OF_RANGE} (constraint {@code min: 0}). */
    NEGATIVE_AMOUNT(RejectReason.OUT_OF_RANGE),
    /** currency is not an ISO 4217 code: {@code NOT_IN_SET} ({@code in: iso-4217}). */
    UNKNOWN_CURRENCY(RejectReason.NOT_IN_SET),
    /** event_time lies outside the partition's day: {@code EVENT_TIME_OUTSIDE_PARTITION}. */
    EVENT_TIME_OUTSIDE_PARTITION(RejectReason.EVENT_TIME_OUTSIDE_PARTITION),
    /** txn_id is not an id: {@code PATTERN_MISMATCH} (the id pattern). */
    MALFORMED_ID(RejectReason.PATTERN_MISMATCH),
    /** item_title is longer than ingress accepts: {@code TOO_LONG} ({@code max-length: 512}). */
    OVERSIZE_TEXT(RejectReason.TOO_LONG),
    /** amount_minor holds text that is not a number: {@code TYPE_MISMATCH}. */
    WRONG_TYPE(RejectReason.TYPE_MISMATCH),
    /** buyer_country is not an ISO 3166 code: {@code NOT_IN_SET} ({@code in: iso-3166}). */
    UNKNOWN_COUNTRY(RejectReason.NOT_IN_SET),
    /** txn_id repeats an earlier good row of the same day: {@code DUPLICATE_KEY}. */
    DUPLICATE_KEY(RejectReason.DUPLICATE_KEY);

    private final RejectReason reason;

    BadRowKind(RejectReason reason) {
        this.reason = reason;
    }

    /** The reject reason ingress must give a row of this kind. */
    public RejectReason reason() {
        return reason;
    }
}
