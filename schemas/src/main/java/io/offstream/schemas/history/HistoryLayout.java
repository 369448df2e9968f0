package io.offstream.schemas.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where released schema versions live, in the source tree and in the jar, so the build check and
 * the run-time loader agree on one layout:
 * <pre>
 * records.txt            the record folders, one per line ('#' starts a comment)
 * &lt;Record&gt;/v1.avsc        the first released version of the record named &lt;Record&gt;
 * &lt;Record&gt;/v2.avsc        the next one, and so on without gaps
 * </pre>
 * In the source tree the root is {@code src/main/avro-history}; in the jar it is
 * {@link #RESOURCE_ROOT}.
 */
public final class HistoryLayout {

    /** The classpath folder holding the history (no leading slash, trailing slash included). */
    public static final String RESOURCE_ROOT = "offstream/schemas/";

    /** The file, at the root of the history, that lists the record folders. */
    public static final String INDEX_FILE = "records.txt";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]{0,8})\\.avsc");

    private HistoryLayout() {
    }

    /** The file name of version {@code number} of a record, e.g. {@code v3.avsc}. */
    public static String versionFileName(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("schema versions start at 1, not " + number);
        }
        return "v" + number + ".avsc";
    }

    /** The version a file name denotes, or empty when the name is not {@code v<N>.avsc}. */
    public static OptionalInt versionOf(String fileName) {
        Matcher matcher = VERSION_FILE.matcher(fileName);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The classpath resource of version {@code number} of the record in folder {@code record}. */
    public static String resourceName(String record, int number) {
        return RESOURCE_ROOT + record + "/" + versionFileName(number);
    }

    /** The record folder names an index lists, in order, without comments and blank lines. */
    public static List<String> readIndex(Reader index) throws IOException {
        List<String> records = new ArrayList<>();
        BufferedReader lines = new BufferedReader(index);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int comment = line.indexOf('#');
            String record = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!record.isEmpty()) {
                records.add(record);
            }
        }
        return records;
    }
}
