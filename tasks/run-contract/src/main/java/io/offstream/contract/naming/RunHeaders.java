package io.offstream.contract.naming;

/**
 * Kafka header names on run topics. Ingress sets the first three on every event; the consumer
 * copies them to the result and DLQ records, and adds the error headers to DLQ records: the class
 * and message under spring-kafka's standard dead-letter names (its publisher also adds the original
 * topic, partition, offset and the stack trace), the stage and attempts under Offstream's.
 */
public final class RunHeaders {

    public static final String RUN_KEY = "offstream.run.key";

    /** {@code yyyy-MM-dd} of the source row's dt= partition: the landing day of its result. */
    public static final String PARTITION_DATE = "offstream.partition.date";

    /** {@code <source file>#<row index>} of the source row. */
    public static final String SOURCE_POSITION = "offstream.source.position";

    /** The failure's class (spring-kafka's {@code KafkaHeaders.DLT_EXCEPTION_FQCN}). */
    public static final String ERROR_CLASS = "kafka_dlt-exception-fqcn";

    /** The failure's message (spring-kafka's {@code KafkaHeaders.DLT_EXCEPTION_MESSAGE}). */
    public static final String ERROR_MESSAGE = "kafka_dlt-exception-message";

    public static final String ERROR_ATTEMPTS = "offstream.error.attempts";

    /** Where the record failed: {@code decode} (not a request) or {@code service} (the service failed or refused it). */
    public static final String ERROR_STAGE = "offstream.error.stage";

    private RunHeaders() {
    }
}
