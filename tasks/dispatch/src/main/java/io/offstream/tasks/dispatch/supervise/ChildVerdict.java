package io.offstream.tasks.dispatch.supervise;

/**
 * What one look at a launched child means for the dispatcher.
 *
 * @param message what happened, for the ledger and the registry (null while it runs)
 */
public record ChildVerdict(Kind kind, String message) {

    public enum Kind {
        /** Still running, or its region is silent for less than platform-timeout. */
        RUNNING,
        /** Exit code 0. */
        PASSED,
        /** Its own work failed, or a user stopped it: not re-routed. */
        FAILED,
        /** Its region lost it (process gone, killed by a signal, region silent too long): re-routed. */
        LOST
    }

    static ChildVerdict running() {
        return new ChildVerdict(Kind.RUNNING, null);
    }

    static ChildVerdict of(Kind kind, String message) {
        return new ChildVerdict(kind, message);
    }
}
