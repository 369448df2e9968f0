package io.offstream.contract.coerce;

/**
 * A row's rejection.
 *
 * @param reason the reason code
 * @param field the field path the problem is in: {@code amount}, {@code shipping.country}, {@code items[2].sku};
 *        the key fields joined with ',' for a duplicate key
 * @param message one line naming the field and its (abbreviated) value
 */
public record Rejection(RejectReason reason, String field, String message) {
}
