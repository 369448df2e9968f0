package io.offstream.dataflow.client;

/** The caller's stop signal (or an interrupt) ended the wait; the followed child is left as it is. */
public class FollowStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FollowStoppedException(String message) {
        super(message);
    }
}
