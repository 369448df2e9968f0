package io.offstream.schemas.codec;

/**
 * The message is not a well-formed Avro single-object message: null, too short, a wrong marker,
 * or a body that does not decode with the schema its fingerprint names (truncated or corrupt).
 */
public class MalformedMessageException extends MessageDecodingException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
