package io.offstream.tasks.support.ledger;

/**
 * A phase of a run is being run by another execution: this one may not start it, or, having lost its
 * lease while it ran (it stalled past the lease's expiry and another took over), may not record its outcome.
 */
public class PhaseLeaseException extends IllegalStateException {

    public PhaseLeaseException(String message) {
        super(message);
    }
}
