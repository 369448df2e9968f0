package io.offstream.tasks.support.run;

import java.util.List;
import java.util.Optional;

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

    /**
     * The one in {@code failure}'s cause chain, if any: a launch's bad arguments reach Boot and the
     * task listener wrapped (a bean that could not be created, "Failed to execute ApplicationRunner").
     */
    public static Optional<InvalidRunParametersException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRunParametersException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }
}
