package io.offstream.tasks.support.run;

import java.util.List;

/** Run arguments that cannot make a run; the message names every problem at once. */
public class InvalidRunParametersException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidRunParametersException(List<String> problems) {
        super("Invalid run arguments: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
