package io.offstream.tasks.ingress.spark;

/** A row's rejection: the reason code and a message that names the field and value. */
public record Rejection(RejectReason reason, String message) {
}
