package io.offstream.schemas.build;

import java.util.List;

/** The schema history check found problems; its message lists them, one per line. */
public class SchemaHistoryCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SchemaHistoryCheckException(List<String> problems) {
        super("schema history check failed with " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
