package io.offstream.kafka.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The two ports a broker listens on, fixed before it starts: KRaft needs the controller's address
 * in its quorum configuration up front, so "port 0" cannot be left to the server to resolve.
 *
 * @param client     the PLAINTEXT port clients bootstrap from
 * @param controller the KRaft controller port
 */
record BrokerPorts(int client, int controller) {

    static final String CLIENT = "client";
    static final String CONTROLLER = "controller";

    /**
     * Checks that the configured ports are free and picks free ones for those configured as 0.
     *
     * @throws PortInUseException naming the first port that is taken
     */
    static BrokerPorts resolve(KraftBrokerSettings settings) {
        InetAddress address = bindAddress(settings.bindAddress());
        // Both sockets stay open until both ports are known, so two picked ports never coincide.
        try (ServerSocket client = bind(address, settings.port(), CLIENT, settings.bindAddress());
             ServerSocket controller = bind(address, settings.controllerPort(), CONTROLLER, settings.bindAddress())) {
            return new BrokerPorts(client.getLocalPort(), controller.getLocalPort());
        } catch (IOException e) {
            throw new KraftBrokerException("Could not check the Kafka ports on " + settings.bindAddress(), e);
        }
    }

    private static ServerSocket bind(InetAddress address, int port, String role, String bindAddress) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket;
        } catch (BindException e) {
            socket.close();
            if (isAddressInUse(e)) {
                throw new PortInUseException(role, bindAddress, port, e);
            }
            throw new KraftBrokerException("Kafka " + role + " port " + port + " cannot be bound on " + bindAddress
                    + " (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether a bind failed because another socket holds the port (not, say, because the address is foreign). */
    static boolean isAddressInUse(BindException e) {
        String message = e.getMessage();
        return message == null || message.toLowerCase(Locale.ROOT).contains("in use");
    }

    private static InetAddress bindAddress(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new KraftBrokerException("Kafka bind address " + host + " does not resolve", e);
        }
    }
}
