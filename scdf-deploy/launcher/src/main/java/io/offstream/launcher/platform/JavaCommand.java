package io.offstream.launcher.platform;

import java.nio.file.Path;

/** The java the platform's JVMs run on: the launcher's own (lib.sh chose it from JAVA_HOME or PATH and checked it is 17+). */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static Path current() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
