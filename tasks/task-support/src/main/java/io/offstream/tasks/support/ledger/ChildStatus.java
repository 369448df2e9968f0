package io.offstream.tasks.support.ledger;

/** Where a child run of a dispatch is. */
public enum ChildStatus {
    /** Split off, not yet given to the registry. */
    PLANNED,
    /** In the registry's queue: waiting for a region, or placed and about to launch. */
    QUEUED,
    /**
     * A launch was sent to its region and the task execution id not yet recorded; a restart that
     * finds it so looks for the execution by the child's launch id before launching again.
     */
    LAUNCHING,
    /** Launched on its region; its task execution is followed. */
    LAUNCHED,
    /** Ended with success (and, for Offstream runs, its validation passed). */
    PASSED,
    /** Ended without success for a reason re-routing does not cure; a restart of the dispatch retries it. */
    FAILED;

    public boolean isEnded() {
        return this == PASSED || this == FAILED;
    }
}
