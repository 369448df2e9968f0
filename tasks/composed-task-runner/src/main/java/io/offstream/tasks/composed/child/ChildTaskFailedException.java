package io.offstream.tasks.composed.child;

/** A child ended unsuccessfully and no transition handles its status: the composed task fails here. */
public class ChildTaskFailedException extends RuntimeException {

    private final ChildOutcome outcome;

    public ChildTaskFailedException(String childDefinitionName, ChildOutcome outcome, String errorMessage) {
        super("Child task " + childDefinitionName + " (execution " + outcome.executionId() + ") failed with exit code "
                + outcome.exitCode() + " and status " + outcome.status()
                + (errorMessage == null ? "" : ": " + firstLine(errorMessage)));
        this.outcome = outcome;
    }

    public ChildOutcome outcome() {
        return outcome;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
