package io.offstream.consumer.core.engine;

/** Header names on run topics. Ingress headers are copied to egress and DLQ records. */
public final class OffstreamHeaders {

    public static final String RUN_KEY = "offstream.run.key";

    public static final String PARTITION_DATE = "offstream.partition.date";

    public static final String SOURCE_POSITION = "offstream.source.position";

    public static final String ERROR_CLASS = "offstream.error.class";

    public static final String ERROR_MESSAGE = "offstream.error.message";

    public static final String ERROR_ATTEMPTS = "offstream.error.attempts";

    /** Where the record failed: {@code decode}, {@code service} or {@code produce}. */
    public static final String ERROR_STAGE = "offstream.error.stage";

    private OffstreamHeaders() {
    }
}
