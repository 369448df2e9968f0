package io.offstream.contract.coerce;

/**
 * Thrown inside the coercion of one row at its first problem, so the recursive coercion of nested
 * values needs no result plumbing. Without a stack trace: it is control flow, thrown per bad row.
 */
final class ValueRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    ValueRejectedException(RejectReason reason, String field, String message) {
        super(message, null, false, false);
        this.rejection = new Rejection(reason, field, message);
    }

    Rejection rejection() {
        return rejection;
    }

    /** A rejection whose message is {@code <field> '<value>' <problem>}. */
    static ValueRejectedException of(RejectReason reason, String field, Object value, String problem) {
        return new ValueRejectedException(reason, field, field + " '" + ValueText.brief(value) + "' " + problem);
    }
}
