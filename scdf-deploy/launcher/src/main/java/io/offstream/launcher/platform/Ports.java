package io.offstream.launcher.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether something listens on a local port, and which process (from {@code ss}, when it is installed). */
public final class Ports {

    private static final Pattern SS_USERS = Pattern.compile("users:\\(\\(([^)]*)");

    public boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /** e.g. {@code "java",pid=1234,fd=12}; empty when ss is missing or names no process. */
    public Optional<String> owner(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(10, TimeUnit.SECONDS)) {
                ss.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = SS_USERS.matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
