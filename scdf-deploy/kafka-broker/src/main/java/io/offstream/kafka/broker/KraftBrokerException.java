package io.offstream.kafka.broker;

import java.nio.file.Path;

/** Why a {@link KraftBroker} could not start, in words a person can act on. */
public class KraftBrokerException extends RuntimeException {

    public KraftBrokerException(String message) {
        super(message);
    }

    public KraftBrokerException(String message, Throwable cause) {
        super(message, cause);
    }

    static KraftBrokerException dataDirectoryNotWritable(Path directory, Throwable cause) {
        String reason = cause == null ? "" : " (" + describe(cause) + ")";
        return new KraftBrokerException(
                "Kafka data directory " + directory + " is not a writable directory" + reason, cause);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank()
                ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + message;
    }
}
