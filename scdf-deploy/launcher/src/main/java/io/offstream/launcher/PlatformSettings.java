package io.offstream.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform is and how it is reached: the checkout, its working folder
 * ({@code OFFSTREAM_HOME}, default {@code <root>/.offstream}), the service catalogue
 * ({@code OFFSTREAM_SERVICES}, default {@code <root>/schemas/services}) and the URLs of the SCDF
 * server and the region registry (the fixed ports of README's table).
 */
public record PlatformSettings(Path root, Path home, String services, URI scdfUrl, URI registryUrl) {

    public static final int SCDF_PORT = 9393;

    public static final int REGISTRY_PORT = 8090;

    /** From the environment the scripts hand over; {@code OFFSTREAM_ROOT} is the checkout (lib.sh sets it). */
    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        String rootValue = env.get("OFFSTREAM_ROOT");
        if (rootValue == null || rootValue.isBlank()) {
            throw new LauncherException("OFFSTREAM_ROOT is not set: run the launcher through scdf-deploy/local's scripts");
        }
        Path root = Path.of(rootValue).toAbsolutePath().normalize();
        Path home = nonBlank(env.get("OFFSTREAM_HOME")) ? Path.of(env.get("OFFSTREAM_HOME")).toAbsolutePath().normalize()
                : root.resolve(".offstream");
        String services = nonBlank(env.get("OFFSTREAM_SERVICES")) ? env.get("OFFSTREAM_SERVICES")
                : root.resolve("schemas/services").toString();
        return new PlatformSettings(root, home, services, URI.create("http://localhost:" + SCDF_PORT),
                URI.create("http://localhost:" + REGISTRY_PORT));
    }

    /** {@code .offstream/landing}: the landing root every task is given. */
    public Path landing() {
        return home.resolve("landing");
    }

    public Path warehouse(String dataset) {
        return home.resolve("warehouse").resolve(dataset);
    }

    /** A path under the checkout as the scripts print it: relative to the root when it is under it. */
    public String display(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }
}
