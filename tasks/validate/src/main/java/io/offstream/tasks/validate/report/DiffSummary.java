package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A simulation's comparison of its two versions, as the diff job's {@code summary.json} states it
 * ({@code <landing>/<baseline>/_diff/run=<key>/summary.json}): the counts, changed keys per field, the
 * numeric deltas (B − A) and a sample of changed keys. A key the file lacks is null or empty here.
 *
 * @param file     where the summary was read
 * @param fields   per compared field, how many keys differ in it
 * @param numeric  per numeric field that differs, the keys compared and min / avg / max of B − A, as the file writes them
 * @param sample   changed keys with, per differing field, the value in A and in B (as JSON text)
 */
public record DiffSummary(URI file, String landingA, String landingB, Long identical, Long changed, Long onlyA, Long onlyB,
        Map<String, Long> fields, List<NumericDelta> numeric, List<SampleRow> sample) {

    /** At most this many fields, numeric fields and sample rows are shown. */
    static final int MAX_ROWS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One numeric field's deltas; each value as the file writes it. */
    public record NumericDelta(String field, String keys, String min, String avg, String max) {
    }

    /** One changed key: its key text and, per differing field, A's and B's values. */
    public record SampleRow(String key, Map<String, List<String>> fields) {
    }

    /** The summary at {@code file}; empty when there is none. */
    public static Optional<DiffSummary> read(URI file, Configuration hadoop) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(hadoop);
        if (!fs.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = fs.open(path)) {
            return Optional.of(of(file, JSON.readTree(in)));
        }
    }

    static DiffSummary of(URI file, JsonNode root) {
        Map<String, Long> fields = new LinkedHashMap<>();
        forEachField(root.path("fields"), (name, n) -> fields.put(name, n.asLong()));
        List<NumericDelta> numeric = new ArrayList<>();
        forEachField(root.path("numeric"), (name, n) -> numeric.add(new NumericDelta(name, text(n.get("keys")), text(n.get("min")),
                text(n.get("avg")), text(n.get("max")))));
        List<SampleRow> sample = new ArrayList<>();
        for (JsonNode entry : root.path("sample")) {
            if (sample.size() == MAX_ROWS) {
                break;
            }
            Map<String, List<String>> differing = new LinkedHashMap<>();
            forEachField(entry.path("fields"), (name, n) -> differing.put(name, List.of(text(n.get("a")), text(n.get("b")))));
            sample.add(new SampleRow(keyText(entry.get("key")), differing));
        }
        return new DiffSummary(file, text(root.get("landingA")), text(root.get("landingB")), number(root.get("identical")),
                number(root.get("changed")), number(root.get("onlyA")), number(root.get("onlyB")), fields, numeric, sample);
    }

    private static void forEachField(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
        int seen = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && seen++ < MAX_ROWS;) {
            Map.Entry<String, JsonNode> e = it.next();
            action.accept(e.getKey(), e.getValue());
        }
    }

    /** {@code account_id=7, line_no=1} for a key object, its text otherwise. */
    private static String keyText(JsonNode key) {
        if (key == null || !key.isObject()) {
            return text(key);
        }
        List<String> parts = new ArrayList<>();
        key.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
        return String.join(", ", parts);
    }

    private static Long number(JsonNode node) {
        return node == null || !node.canConvertToLong() ? null : node.asLong();
    }

    /** A value as text: a string as it is, null as {@code null}, anything else as its JSON; "" when absent. */
    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
