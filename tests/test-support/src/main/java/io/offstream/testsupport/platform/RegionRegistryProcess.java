package io.offstream.testsupport.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.offstream.launcher.platform.PostgresCluster;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;
import io.offstream.testsupport.process.SecretFiles;

/**
 * The region registry service as a process, as up.sh starts it: its own H2 file database under
 * the work directory, a free port, capacity read fresh and the queue assigned every second, and
 * a generated write password handed over as a config tree ({@code secrets/region-registry-<port>/}
 * under the work directory), never on its command line.
 */
public final class RegionRegistryProcess implements AutoCloseable {

    /** The user the registry's writes authenticate as ({@code offstream.security.user}'s default). */
    public static final String USER = "offstream";

    private final JavaProcess process;

    private final int port;

    private final SecretFiles secrets;

    private final String password;

    private RegionRegistryProcess(JavaProcess process, int port, SecretFiles secrets, String password) {
        this.process = process;
        this.port = port;
        this.secrets = secrets;
        this.password = password;
    }

    /** A registry with its own H2 file database under the work directory. */
    public static RegionRegistryProcess start(RepositoryLayout layout, Path workDir) {
        return start(layout, workDir, null);
    }

    /**
     * A registry beside {@code server}: when the server runs on PostgreSQL, the registry's database is
     * a new one of the server's cluster (its password, the role's, in the registry's config tree);
     * otherwise its own H2 file database.
     */
    public static RegionRegistryProcess start(RepositoryLayout layout, Path workDir, DataFlowServerProcess server) {
        int port = FreePorts.find();
        SecretFiles secrets = SecretFiles.in(workDir.resolve("secrets/region-registry-" + port));
        String password = secrets.generate("offstream.security.password");
        List<String> database;
        if (server != null && server.postgres() != null) {
            PostgresCluster postgres = server.postgres();
            String name = "registry_" + port;
            postgres.createDatabase(name);
            secrets.write("spring.datasource.password", server.datasourcePassword());
            database = postgres.datasourceArguments(name);
        }
        else {
            database = List.of("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("h2/region-registry-" + port).toAbsolutePath());
        }
        JavaProcess.Builder builder = JavaProcess.jar("region-registry",
                        layout.root().resolve("region-registry/registry-service/target/offstream-region-registry.jar"))
                .classDataSharing(layout)
                .arg("--server.port=" + port);
        database.forEach(builder::arg);
        JavaProcess process = builder
                .arg("--offstream.registry.capacity-cache-ttl=0s")
                .arg("--offstream.registry.assign-interval=1s")
                .arg("--spring.config.import=optional:configtree:" + secrets.directory() + "/")
                .logFile(workDir.resolve("logs/region-registry-" + port + ".log"))
                .start();
        process.awaitReady(Duration.ofMinutes(2), () -> Await.httpOk("http://localhost:" + port + "/actuator/health"));
        return new RegionRegistryProcess(process, port, secrets, password);
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    /** A client that reads and writes (it sends the registry's credentials on writes). */
    public RegionRegistryClient client() {
        return new RegionRegistryClient(uri(), USER, password);
    }

    /** The registry's write password, for a client this test builds itself (never put it on a command line). */
    public String password() {
        return password;
    }

    /** The config tree the registry reads its password from (one file, {@code offstream.security.password}). */
    public Path secretsDirectory() {
        return secrets.directory();
    }

    /**
     * A config tree for a client process of the registry (e.g. the dispatch task): a directory
     * beside the registry's, readable by this user only, holding the registry's password in a file
     * named {@code passwordProperty} (mode 0600). The process gets it with
     * {@code --spring.config.import=optional:configtree:<dir>/}, so the password never shows on a
     * command line or in SCDF's launch arguments.
     */
    public Path clientConfigTree(String passwordProperty) {
        SecretFiles client = SecretFiles.in(secrets.directory().resolveSibling(secrets.directory().getFileName() + "-client"));
        client.write(passwordProperty, password);
        return client.directory();
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
