package io.offstream.tasks.egress.flink;

import java.io.IOException;

/** A record on the egress topic that cannot land (no key, no landing day, not a response); the job fails rather than drop it. */
public class UndecodableRecordException extends IOException {

    public UndecodableRecordException(String topic, int partition, long offset, Throwable cause) {
        super("Undecodable record on " + topic + " partition " + partition + " offset " + offset
                + ": " + cause.getMessage() + " (nothing is dropped silently: fix or remove the record, then rerun)", cause);
    }
}
