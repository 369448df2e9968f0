package io.offstream.tasks.egress.flink;

import java.util.List;

/** Bad command-line options: every problem found, named, before the job touches any data. */
public class InvalidOptionsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidOptionsException(List<String> problems) {
        super("Invalid options for the Flink egress job:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
