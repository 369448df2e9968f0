package io.offstream.tasks.ingress.spark;

import io.offstream.schemas.sample.Transaction;

/** Either an accepted {@link Transaction} or a {@link Rejection}. */
public record CoercionResult(Transaction accepted, Rejection rejection) {

    static CoercionResult accept(Transaction t) {
        return new CoercionResult(t, null);
    }

    static CoercionResult reject(RejectReason reason, String message) {
        return new CoercionResult(null, new Rejection(reason, message));
    }

    public boolean isAccepted() {
        return accepted != null;
    }
}
