package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.util.List;

import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.platform.PlatformPorts;
import io.offstream.testsupport.RepositoryLayout;

/**
 * The launcher's settings for a platform a test starts: the checkout's catalogue, the test's work
 * directory as the platform's home, 127.0.0.1, free ports instead of README's fixed ones (0: a
 * component the test does not start), and no regions (a test adds the accounts it needs).
 */
final class TestPlatformSettings {

    private TestPlatformSettings() {
    }

    static PlatformSettings of(RepositoryLayout layout, Path workDir, PlatformPorts ports) {
        return new PlatformSettings(layout.root(), workDir.toAbsolutePath(), layout.root().resolve("schemas/services").toString(), "127.0.0.1",
                List.of(), ports);
    }

    static PlatformPorts kafka(int port, int controllerPort) {
        return new PlatformPorts(port, controllerPort, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static PlatformPorts dataflow(int kafkaPort, int port, int h2Port) {
        return new PlatformPorts(kafkaPort, 0, port, h2Port, 0, 0, 0, 0, 0, 0);
    }
}
