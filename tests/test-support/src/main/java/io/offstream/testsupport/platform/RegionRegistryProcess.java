package io.offstream.testsupport.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The region registry service as a process, as up.sh starts it: its own H2 file database under
 * the work directory, a free port, capacity read fresh and the queue assigned every second.
 */
public final class RegionRegistryProcess implements AutoCloseable {

    private final JavaProcess process;

    private final int port;

    private RegionRegistryProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RegionRegistryProcess start(RepositoryLayout layout, Path workDir) {
        int port = FreePorts.find();
        JavaProcess process = JavaProcess.jar("region-registry",
                        layout.root().resolve("region-registry/registry-service/target/offstream-region-registry.jar"))
                .arg("--server.port=" + port)
                .arg("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("h2/region-registry-" + port).toAbsolutePath())
                .arg("--offstream.registry.capacity-cache-ttl=0s")
                .arg("--offstream.registry.assign-interval=1s")
                .logFile(workDir.resolve("logs/region-registry-" + port + ".log"))
                .start();
        process.awaitReady(Duration.ofMinutes(2), () -> Await.httpOk("http://localhost:" + port + "/actuator/health"));
        return new RegionRegistryProcess(process, port);
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
