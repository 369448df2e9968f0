package io.offstream.registry.security;

import java.util.Locale;

/**
 * One allowed endpoint: {@code host} or {@code host:port}. The host is a name or an IP literal
 * (IPv6 in brackets, {@code [::1]}), {@code *.example.com} for any host under that domain, or
 * {@code *} for any host at all; the port is a number or {@code *}, and no port means any port.
 */
public record EndpointPattern(String host, Integer port) {

    /** Parses a pattern; a malformed one is refused with a message naming it. */
    public static EndpointPattern parse(String text) {
        String pattern = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        HostPort parts = HostPort.split(pattern);
        if (parts == null || parts.host().isEmpty() || (parts.host().contains("*") && !parts.host().equals("*")
                && !(parts.host().startsWith("*.") && parts.host().indexOf('*', 1) < 0 && parts.host().length() > 2))) {
            throw new IllegalArgumentException("'" + text + "' is not an endpoint pattern: host, host:port, host:*, "
                    + "*.domain[:port] or *");
        }
        if (parts.port() == null || parts.port().equals("*")) {
            return new EndpointPattern(parts.host(), null);
        }
        return new EndpointPattern(parts.host(), HostPort.port(parts.port(), text));
    }

    /** Whether {@code host} (lower case, IPv6 in brackets) and {@code port} match. */
    public boolean matches(String candidateHost, int candidatePort) {
        if (port != null && port != candidatePort) {
            return false;
        }
        String h = candidateHost.toLowerCase(Locale.ROOT);
        if (host.equals("*")) {
            return true;
        }
        if (host.startsWith("*.")) {
            return h.endsWith(host.substring(1)) && h.length() > host.length() - 1;
        }
        return h.equals(host);
    }

    @Override
    public String toString() {
        return host + (port == null ? "" : ":" + port);
    }

    /** A host and an optional port as written: {@code host}, {@code host:port}, {@code [v6]:port}. */
    record HostPort(String host, String port) {

        /** Splits {@code host[:port]}; null when it cannot be read. */
        static HostPort split(String text) {
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    return null;
                }
                String rest = text.substring(end + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    return null;
                }
                return new HostPort(text.substring(0, end + 1), rest.isEmpty() ? null : rest.substring(1));
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                return new HostPort(text, null);
            }
            if (text.indexOf(':', colon + 1) >= 0) {
                return null;
            }
            return new HostPort(text.substring(0, colon), text.substring(colon + 1));
        }

        static int port(String port, String whole) {
            try {
                int value = Integer.parseInt(port);
                if (value >= 0 && value <= 65535) {
                    return value;
                }
            }
            catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("'" + whole + "' has no valid port (0-65535 or *)");
        }
    }
}
