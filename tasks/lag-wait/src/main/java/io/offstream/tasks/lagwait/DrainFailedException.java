package io.offstream.tasks.lagwait;

/** The run did not drain: the consumer stalled, or the maximum wait passed. The message says which and what remains. */
public class DrainFailedException extends RuntimeException {

    public DrainFailedException(String message) {
        super(message);
    }
}
