package io.offstream.registry.client;

/** The registry answered with an error status, or could not be reached. */
public class RegionRegistryException extends RuntimeException {

    private final int status;

    public RegionRegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the registry did not answer. */
    public int status() {
        return status;
    }
}
