package io.offstream.schemas.codec;

/**
 * The message is a known version of a record, but not of the record the caller asked for, e.g. a
 * RiskDecision read from a topic of Transactions.
 */
public class SchemaMismatchException extends MessageDecodingException {

    private static final long serialVersionUID = 1L;

    public SchemaMismatchException(String message) {
        super(message);
    }
}
