package io.offstream.schemas.build;

import io.offstream.schemas.history.HistoryLayout;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificData;

/**
 * The current schemas (the {@code .avsc} files the Java classes are generated from) must be the
 * highest released versions, to the letter: docs and defaults included. Editing a record without
 * releasing a version would make producers write data that no released schema describes.
 */
final class CurrentSchemaCheck {

    private CurrentSchemaCheck() {
    }

    static List<String> problems(SchemaHistory history, Path currentDir, ClassLoader classes) {
        List<String> problems = new ArrayList<>();
        Map<String, Schema> current = readCurrent(currentDir, problems);
        for (Map.Entry<String, Schema> entry : current.entrySet()) {
            if (history.record(entry.getKey()).isEmpty()) {
                problems.add(entry.getKey() + " in " + currentDir + " has no released version: add "
                        + entry.getValue().getName() + "/" + HistoryLayout.versionFileName(1)
                        + " (a copy of it) to the history and list it in " + HistoryLayout.INDEX_FILE);
            }
        }
        for (RecordHistory record : history.records()) {
            SchemaVersion released = record.current();
            Schema source = current.get(record.fullName());
            if (source == null) {
                problems.add(released.label() + " has no current schema in " + currentDir
                        + ": copy the highest released version there as " + record.simpleName() + ".avsc");
            } else if (!source.toString().equals(released.schema().toString())) {
                problems.add(currentDir.resolve(record.simpleName() + ".avsc") + " differs from the highest released"
                        + " version " + released.label() + " (" + difference(source, released.schema())
                        + "): release the change as " + record.simpleName() + "/"
                        + HistoryLayout.versionFileName(released.number() + 1) + " (a copy of it), or revert it");
            } else {
                problems.addAll(generatedClassProblems(released, classes));
            }
        }
        return problems;
    }

    private static String difference(Schema source, Schema released) {
        return SchemaNormalization.toParsingForm(source).equals(SchemaNormalization.toParsingForm(released))
                ? "only in docs, defaults, aliases or properties"
                : "in fields or types";
    }

    private static List<String> generatedClassProblems(SchemaVersion released, ClassLoader classes) {
        Class<?> type;
        try {
            type = Class.forName(released.recordName(), false, classes);
        } catch (ClassNotFoundException e) {
            return List.of("no generated class " + released.recordName() + " for " + released.label());
        }
        Schema generated = new SpecificData(classes).getSchema(type);
        if (SchemaNormalization.parsingFingerprint64(generated) != released.fingerprint()) {
            return List.of("generated class " + type.getName() + " is not " + released.label()
                    + ": stale generated sources? run a clean build");
        }
        return List.of();
    }

    private static Map<String, Schema> readCurrent(Path currentDir, List<String> problems) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        if (!Files.isDirectory(currentDir)) {
            problems.add("current schema folder " + currentDir + " does not exist");
            return schemas;
        }
        try (Stream<Path> files = Files.walk(currentDir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".avsc")).sorted().toList()) {
                try {
                    Schema schema = new Schema.Parser().parse(file.toFile());
                    if (schemas.put(schema.getFullName(), schema) != null) {
                        problems.add(file + " defines " + schema.getFullName() + " a second time");
                    }
                } catch (SchemaParseException | IOException e) {
                    problems.add(file + " is not a valid Avro schema: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("cannot list " + currentDir + ": " + e);
        }
        return schemas;
    }
}
