package io.offstream.tasks.support.ledger;

/** Where a phase (or one partition of it) stands. */
public enum PhaseStatus {
    RUNNING, COMPLETED, FAILED
}
