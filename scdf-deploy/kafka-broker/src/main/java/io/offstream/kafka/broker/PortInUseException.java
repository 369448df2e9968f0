package io.offstream.kafka.broker;

/** A port the broker was told to listen on is taken by another process. */
public class PortInUseException extends KraftBrokerException {

    private final String role;
    private final String bindAddress;
    private final int port;

    public PortInUseException(String role, String bindAddress, int port, Throwable cause) {
        super("Kafka " + role + " port " + port + " on " + bindAddress
                + " is already in use: stop whatever listens there or choose another port", cause);
        this.role = role;
        this.bindAddress = bindAddress;
        this.port = port;
    }

    /** Which listener wanted the port: {@code client} or {@code controller}. */
    public String role() {
        return role;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }
}
