package io.offstream.tasks.dispatch.scdf;

/**
 * A region's SCDF answered a launch with an error, so no task execution runs there.
 *
 * @see #isCapacity()
 */
public class LaunchRefusedException extends RuntimeException {

    private final boolean capacity;

    public LaunchRefusedException(String message, boolean capacity) {
        super(message);
        this.capacity = capacity;
    }

    /**
     * Refused only because the platform account is at its {@code maximum-concurrent-tasks}: the
     * region is sound and the child may go back there when it has room.
     */
    public boolean isCapacity() {
        return capacity;
    }
}
