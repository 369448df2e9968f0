package io.offstream.tasks.composed.child;

/**
 * A child's process ended without recording an end (killed from outside), so it would show as
 * running for ever. The step fails; a restart launches the child again rather than wait on it.
 */
public class ChildProcessLostException extends RuntimeException {

    private final String launcherState;

    public ChildProcessLostException(String childDefinitionName, long executionId, String launcherState) {
        super("child " + childDefinitionName + " (task execution " + executionId + ") is lost: its process ended (launcher state "
                + launcherState + ") without recording an end; killed from outside? restart the job to launch it again");
        this.launcherState = launcherState;
    }

    public String launcherState() {
        return launcherState;
    }
}
