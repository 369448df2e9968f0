package io.offstream.tests.pipeline;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TCP sockets some processes listen on, as {@code ss -ltnp} lists them, and how another address of this machine fares. */
final class ListeningSockets {

    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private ListeningSockets() {
    }

    /** A listening socket: its local address as ss prints it, its port and the process. */
    record Listener(String address, int port, long pid) {
    }

    /** Every TCP socket one of {@code pids} listens on. */
    static List<Listener> of(Set<Long> pids) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ss.waitFor() != 0) {
            throw new IllegalStateException("ss failed: " + out);
        }
        List<Listener> listeners = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            Matcher pid = PID.matcher(line);
            if (fields.length < 4 || !pid.find() || !pids.contains(Long.parseLong(pid.group(1)))) {
                continue;
            }
            String local = fields[3];
            int colon = local.lastIndexOf(':');
            listeners.add(new Listener(local.substring(0, colon), Integer.parseInt(local.substring(colon + 1)),
                    Long.parseLong(pid.group(1))));
        }
        return listeners;
    }

    /**
     * An address of this machine other than 127.0.0.1: a non-loopback IPv4 address when the machine
     * has one, else 127.0.0.2 (also this machine, and also refused by a socket bound to 127.0.0.1).
     */
    static InetAddress secondAddress() throws SocketException, UnknownHostException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return address;
                }
            }
        }
        return InetAddress.getByName("127.0.0.2");
    }

    /** Whether a TCP connection to {@code address:port} is accepted. */
    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }
}
