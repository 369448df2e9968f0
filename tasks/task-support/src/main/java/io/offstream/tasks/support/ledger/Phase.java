package io.offstream.tasks.support.ledger;

/** The phases of a run, as the ledger names them. */
public enum Phase {
    PLAN, INGRESS, LAG_WAIT, EGRESS, VALIDATE,

    /** A simulation's candidate version: its drain, landing and validation, beside the baseline's. */
    LAG_WAIT_CANDIDATE, EGRESS_CANDIDATE, VALIDATE_CANDIDATE,

    /** A simulation's comparison of the two versions' landings. */
    DIFF,

    /** A multi-region parent run: its children's placement, launches and ends. */
    DISPATCH;

    /** This phase's row for a simulation's candidate version (plan and ingress are shared: the same row). */
    public Phase forCandidate() {
        return switch (this) {
            case LAG_WAIT -> LAG_WAIT_CANDIDATE;
            case EGRESS -> EGRESS_CANDIDATE;
            case VALIDATE -> VALIDATE_CANDIDATE;
            default -> this;
        };
    }
}
