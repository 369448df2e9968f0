package io.offstream.tasks.support.ledger;

/** The phases of a run, as the ledger names them. */
public enum Phase {
    PLAN, INGRESS, LAG_WAIT, EGRESS, VALIDATE,

    /** A multi-region parent run: its children's placement, launches and ends. */
    DISPATCH
}
