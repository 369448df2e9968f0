package io.offstream.tasks.diff.spark;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;

import io.offstream.contract.jobs.DiffJobOptions;

/**
 * {@code summary.json}: the landings, the counts, per compared field how many keys differ in it, per
 * numeric field that differs the min / avg / max of B − A over the keys both sides have with a value,
 * what was ignored or could not be compared, and a sample of changed keys with their differing values.
 */
final class DiffSummary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffSummary() {
    }

    static String json(DiffJobOptions options, DiffCounts counts, ComparedFields fields, List<Row> sample) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("landingA", options.landingA().toString());
        root.put("landingB", options.landingB().toString());
        root.set("keyFields", strings(options.keyFields()));
        root.put("identical", counts.identical());
        root.put("changed", counts.changed());
        root.put("onlyA", counts.onlyA());
        root.put("onlyB", counts.onlyB());
        root.put("rowsA", counts.identical() + counts.changed() + counts.onlyA());
        root.put("rowsB", counts.identical() + counts.changed() + counts.onlyB());
        ObjectNode byField = root.putObject("fields");
        counts.byField().forEach(byField::put);
        ObjectNode numeric = root.putObject("numeric");
        counts.numeric().forEach((field, delta) -> {
            if (counts.byField().get(field) > 0) {
                ObjectNode node = numeric.putObject(field);
                node.put("keys", delta.keys());
                node.set("min", JSON.valueToTree(delta.min()));
                node.set("avg", JSON.valueToTree(delta.avg()));
                node.set("max", JSON.valueToTree(delta.max()));
            }
        });
        root.set("ignored", strings(options.ignoredFields()));
        ObjectNode notCompared = root.putObject("notCompared");
        fields.notCompared().forEach(notCompared::put);
        root.put("changedRows", options.changedDirectory().toString());
        ArrayNode samples = root.putArray("sample");
        List<ComparedFields.Field> compared = fields.compared();
        for (Row row : sample) {
            ObjectNode entry = samples.addObject();
            entry.set("key", JSON.readTree(row.getString(0)));
            ObjectNode differing = entry.putObject("fields");
            for (int i = 0; i < compared.size(); i++) {
                if (!row.isNullAt(i + 1)) {
                    differing.set(compared.get(i).name(), JSON.readTree(row.getString(i + 1)));
                }
            }
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static JsonNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
