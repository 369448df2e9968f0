package io.offstream.tasks.validate.report;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.offstream.contract.naming.RunHeaders;

/**
 * The dead-lettered records of a side by error class, from the headers spring-kafka's dead-letter
 * publisher writes ({@link RunHeaders#ERROR_CLASS}, {@link RunHeaders#ERROR_MESSAGE}) and Offstream's
 * stage: counts in bounded memory ({@link TopCounts}) and, per class kept, the first record's stage and message.
 */
public final class DeadLetterErrors {

    /** The label of a record without an error class header. */
    public static final String UNKNOWN = "(no error header)";

    static final int CAPACITY = 1000;

    static final int MESSAGE_LENGTH = 500;

    private final TopCounts counts = new TopCounts(CAPACITY);

    private final Map<String, Example> examples = new HashMap<>();

    /** The stage and message of one record of an error class. */
    public record Example(String stage, String message) {
    }

    /** Counts one dead-lettered record by its headers. */
    public void add(Headers headers) {
        String error = text(headers.lastHeader(RunHeaders.ERROR_CLASS));
        String label = error == null || error.isBlank() ? UNKNOWN : error;
        counts.add(label, 1);
        if (counts.contains(label) && !examples.containsKey(label)) {
            String message = text(headers.lastHeader(RunHeaders.ERROR_MESSAGE));
            if (message != null && message.length() > MESSAGE_LENGTH) {
                message = message.substring(0, MESSAGE_LENGTH) + "…";
            }
            examples.put(label, new Example(text(headers.lastHeader(RunHeaders.ERROR_STAGE)), message));
        }
    }

    public TopCounts counts() {
        return counts;
    }

    /** The first record of a class; null for {@link TopCounts#OTHER} or a class not kept. */
    public Example example(String label) {
        return examples.get(label);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
