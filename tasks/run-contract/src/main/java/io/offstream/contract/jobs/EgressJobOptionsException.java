package io.offstream.contract.jobs;

import java.util.List;

/** Options the Flink egress job refuses: every problem found, named in one message, before the job touches any data. */
public class EgressJobOptionsException extends IllegalArgumentException {

    private final List<String> problems;

    public EgressJobOptionsException(List<String> problems) {
        super("Invalid options for the Flink egress job:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
