package io.offstream.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.offstream.launcher.platform.PlatformPorts;
import io.offstream.launcher.platform.Region;

/**
 * Where the local platform is and how it is reached: the checkout, its working folder
 * ({@code OFFSTREAM_HOME}, default {@code <root>/.offstream}), the service catalogue
 * ({@code OFFSTREAM_SERVICES}, default {@code <root>/schemas/services}), the address every component
 * listens on ({@code OFFSTREAM_BIND_ADDRESS}, default 127.0.0.1), the regions
 * ({@code OFFSTREAM_REGIONS}) and the ports.
 */
public record PlatformSettings(Path root, Path home, String services, String bindAddress, List<Region> regions, PlatformPorts ports) {

    /** From the environment the scripts hand over; {@code OFFSTREAM_ROOT} is the checkout (lib.sh sets it). */
    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        String rootValue = env.get("OFFSTREAM_ROOT");
        if (!nonBlank(rootValue)) {
            throw new LauncherException("OFFSTREAM_ROOT is not set: run the launcher through scdf-deploy/local's scripts");
        }
        Path root = Path.of(rootValue).toAbsolutePath().normalize();
        Path home = nonBlank(env.get("OFFSTREAM_HOME")) ? Path.of(env.get("OFFSTREAM_HOME")).toAbsolutePath().normalize()
                : root.resolve(".offstream");
        String services = nonBlank(env.get("OFFSTREAM_SERVICES")) ? env.get("OFFSTREAM_SERVICES")
                : root.resolve("schemas/services").toString();
        String bind = nonBlank(env.get("OFFSTREAM_BIND_ADDRESS")) ? env.get("OFFSTREAM_BIND_ADDRESS") : "127.0.0.1";
        List<Region> regions = Region.parse(env.getOrDefault("OFFSTREAM_REGIONS", Region.DEFAULTS));
        return new PlatformSettings(root, home, services, bind, regions, PlatformPorts.fixed());
    }

    public URI scdfUrl() {
        return URI.create("http://localhost:" + ports.scdf());
    }

    public URI registryUrl() {
        return URI.create("http://localhost:" + ports.registry());
    }

    /** {@code .offstream/landing}: the landing root every task is given. */
    public Path landing() {
        return home.resolve("landing");
    }

    public Path warehouse(String dataset) {
        return home.resolve("warehouse").resolve(dataset);
    }

    /** The java command of the platform's Spring Boot JVMs (class-data sharing; see the script). */
    public Path classDataSharingJava() {
        return root.resolve("scdf-deploy/local/cds-java");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("pids");
    }

    public Path secrets() {
        return home.resolve("secrets");
    }

    /** A path under the checkout as the scripts print it: relative to the root when it is under it. */
    public String display(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }
}
