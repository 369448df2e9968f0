package io.offstream.contract.naming;

/**
 * Kafka header names on run topics. Ingress sets the first three on every event; the consumer
 * copies them to the result and DLQ records, and adds the error headers to DLQ records.
 */
public final class RunHeaders {

    public static final String RUN_KEY = "offstream.run.key";

    /** {@code yyyy-MM-dd} of the source row's dt= partition: the landing day of its result. */
    public static final String PARTITION_DATE = "offstream.partition.date";

    /** {@code <source file>#<row index>} of the source row. */
    public static final String SOURCE_POSITION = "offstream.source.position";

    public static final String ERROR_CLASS = "offstream.error.class";

    public static final String ERROR_MESSAGE = "offstream.error.message";

    public static final String ERROR_ATTEMPTS = "offstream.error.attempts";

    /** Where the record failed: {@code decode}, {@code service} or {@code produce}. */
    public static final String ERROR_STAGE = "offstream.error.stage";

    private RunHeaders() {
    }
}
