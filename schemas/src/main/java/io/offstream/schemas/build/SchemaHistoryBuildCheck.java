package io.offstream.schemas.build;

import io.offstream.schemas.compatibility.SchemaHistoryCompatibility;
import io.offstream.schemas.compatibility.VersionIncompatibility;
import io.offstream.schemas.history.InvalidSchemaHistoryException;
import io.offstream.schemas.history.SchemaHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build when the schema history is unsafe to ship:
 * <ol>
 *   <li>the index lists exactly the record folders, each holding v1..vN without gaps;</li>
 *   <li>every version reads all earlier ones (backward-transitive compatibility);</li>
 *   <li>no version uses {@code bytes} or {@code fixed} (so no {@code decimal}): their JSON is ambiguous;</li>
 *   <li>each current schema (the source of the generated class) equals its record's highest
 *       released version, so nobody changes a record without releasing a version.</li>
 * </ol>
 * Usage: {@code SchemaHistoryBuildCheck <history folder> <current schema folder>}.
 */
public final class SchemaHistoryBuildCheck {

    private SchemaHistoryBuildCheck() {
    }

    /**
     * Runs every check and throws, naming every problem, if any fails; the build then fails.
     *
     * @throws SchemaHistoryCheckException listing the problems
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: SchemaHistoryBuildCheck <history folder> <current schema folder>");
        }
        List<String> problems = problems(Path.of(args[0]), Path.of(args[1]),
                SchemaHistoryBuildCheck.class.getClassLoader());
        if (!problems.isEmpty()) {
            throw new SchemaHistoryCheckException(problems);
        }
    }

    /**
     * Every problem of the history in {@code historyDir} and the current schemas in
     * {@code currentDir}, whose generated classes {@code classes} loads; empty when all is well.
     */
    static List<String> problems(Path historyDir, Path currentDir, ClassLoader classes) {
        List<String> problems = new ArrayList<>(HistoryIndexCheck.problems(historyDir));
        SchemaHistory history;
        try {
            history = SchemaHistory.fromDirectory(historyDir);
        } catch (InvalidSchemaHistoryException e) {
            problems.add(e.getMessage());
            return problems;
        }
        new SchemaHistoryCompatibility().check(history).stream()
                .map(VersionIncompatibility::describe)
                .forEach(problems::add);
        problems.addAll(PlainJsonTypesCheck.problems(history));
        problems.addAll(CurrentSchemaCheck.problems(history, currentDir, classes));
        return problems;
    }
}
