package io.offstream.contract.coerce;

/**
 * Why ingress rejected a warehouse row; the code is stored with the quarantined row and counted
 * in the run ledger. Generic: every service's rows are judged with the same codes, the message
 * names the field.
 */
public enum RejectReason {
    /** A field that cannot be null (and has no default) is null, blank, or its column is missing. */
    NULL_REQUIRED_FIELD,
    /** The value cannot be turned into the field's type: text that is no number, a date that does not parse, too many decimals. */
    TYPE_MISMATCH,
    /** A number outside the descriptor's min/max, or too large for its type (int overflow, decimal precision). */
    OUT_OF_RANGE,
    /** A text that does not match the descriptor's pattern as a whole. */
    PATTERN_MISMATCH,
    /** A value outside the descriptor's {@code in} list or named set, or an unknown enum symbol. */
    NOT_IN_SET,
    /** A text longer than the descriptor's max-length. */
    TOO_LONG,
    /** The event-time field is not within the UTC day of the row's dt= partition. */
    EVENT_TIME_OUTSIDE_PARTITION,
    /** The record key appeared earlier in the partition (the first valid occurrence is kept). */
    DUPLICATE_KEY,
    /**
     * The encoded request is larger than the largest record the ingress topic's producer sends
     * ({@code max.request.size}): Kafka would refuse it, failing the partition.
     */
    RECORD_TOO_LARGE
}
