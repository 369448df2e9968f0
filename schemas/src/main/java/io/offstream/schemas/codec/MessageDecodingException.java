package io.offstream.schemas.codec;

/**
 * A message could not be turned into a record. Every decoding failure of this package is one of
 * these (unchecked, because it is about data, not about the program), so a consumer can catch this
 * one type and send the message to the run's dead-letter topic with {@link #getMessage()} as the
 * reason. The subclasses say why: {@link UnknownSchemaException}, {@link MalformedMessageException},
 * {@link SchemaMismatchException}.
 */
public class MessageDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageDecodingException(String message) {
        super(message);
    }

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
