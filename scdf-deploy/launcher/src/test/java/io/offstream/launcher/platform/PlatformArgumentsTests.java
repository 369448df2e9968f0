package io.offstream.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.PlatformSettings;

class PlatformArgumentsTests {

    @TempDir
    Path root;

    private PlatformSettings settings() {
        return new PlatformSettings(root, root.resolve(".offstream"), root.resolve("services").toString(), "0.0.0.0",
                Region.parse("east:2 west:3"), PlatformPorts.fixed());
    }

    @Test
    void theServerGetsItsRegionsCatalogueAndPasswordsByConfigTreeOnly() {
        SecretFiles secrets = new SecretFiles(root.resolve(".offstream/secrets"));
        String password = secrets.ensure("dataflow", "spring.datasource.password");
        PlatformArguments arguments = new PlatformArguments(settings(), secrets);

        List<String> server = arguments.dataflow(new Catalogue(root.resolve("services").toString()), "-Xmx512m");

        assertThat(server).noneMatch(a -> a.contains(password))
                .contains("--server.port=9393", "--server.address=0.0.0.0",
                        "--spring.datasource.url=jdbc:h2:tcp://localhost:19092/" + root.resolve(".offstream/h2/dataflow") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.config.import=optional:configtree:" + root.resolve(".offstream/secrets/dataflow") + "/",
                        "--spring.cloud.dataflow.application-properties.task.offstream.services.location=file://" + root.resolve("services"),
                        "--spring.cloud.dataflow.application-properties.task.offstream.kafka.bootstrap-servers=localhost:9092",
                        "--spring.cloud.dataflow.task.platform.local.accounts.default.java-cmd=" + root.resolve("scdf-deploy/local/cds-java"),
                        "--spring.cloud.dataflow.task.platform.local.accounts.east.java-opts=-Xmx512m",
                        "--spring.cloud.dataflow.task.platform.local.accounts.west.working-directories-root=" + root.resolve(".offstream/task-work/west"),
                        "--spring.cloud.dataflow.task.platform.local.accounts.east.maximum-concurrent-tasks=2",
                        "--spring.cloud.dataflow.task.platform.local.accounts.west.maximum-concurrent-tasks=3")
                .noneMatch(a -> a.contains("accounts.default.maximum-concurrent-tasks"));
    }

    @Test
    void onPostgresTheServerAndTheRegistryUseTheClustersDatabasesAndTheRoleWithoutAPassword() {
        SecretFiles secrets = new SecretFiles(root.resolve(".offstream/secrets"));
        String password = secrets.ensure("dataflow", "spring.datasource.password");
        PostgresCluster cluster = new PostgresCluster(root.resolve("bin"), root.resolve(".offstream/postgres"), "127.0.0.1", 15432, "offstream",
                password);
        PlatformArguments arguments = new PlatformArguments(settings(), secrets).onPostgres(cluster);

        List<String> server = arguments.dataflow(new Catalogue(root.resolve("services").toString()), "-Xmx512m");
        List<String> registry = arguments.registry();

        assertThat(arguments.dataflowDatasourceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/dataflow");
        assertThat(server).noneMatch(a -> a.contains(password)).contains("--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/dataflow",
                "--spring.datasource.username=offstream", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--spring.config.import=optional:configtree:" + root.resolve(".offstream/secrets/dataflow") + "/");
        assertThat(registry).noneMatch(a -> a.contains(password)).contains("--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/registry",
                "--spring.datasource.username=offstream", "--spring.config.import=optional:configtree:" + root.resolve(".offstream/secrets/platform")
                        + "/,optional:configtree:" + root.resolve(".offstream/secrets/dataflow") + "/");
        assertThat(new PlatformArguments(settings(), secrets).registry()).anyMatch(a -> a.startsWith("--spring.datasource.url=jdbc:h2:file:"));
    }

    @Test
    void aConsumerHostsItsEntryOnItsPort() {
        PlatformArguments arguments = new PlatformArguments(settings(), new SecretFiles(root.resolve("s")));

        assertThat(arguments.consumer(new Catalogue("hdfs://nn/catalogue"), "pricing", 8084)).containsExactly("--server.port=8084",
                "--server.address=0.0.0.0", "--spring.config.import=optional:configtree:" + root.resolve("s/platform") + "/",
                "--offstream.consumer.service=pricing", "--offstream.services.location=hdfs://nn/catalogue",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:9092");
    }

    @Test
    void secretsAreReadableByTheirOwnerOnlyAndMadeOnce() throws Exception {
        SecretFiles secrets = new SecretFiles(root.resolve("secrets"));

        String first = secrets.ensure("platform", "offstream.security.password");

        assertThat(first).hasSizeGreaterThanOrEqualTo(28).doesNotContain("/", "+", "=");
        assertThat(secrets.ensure("platform", "offstream.security.password")).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("secrets")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("secrets/platform")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("secrets/platform/offstream.security.password"))))
                .isEqualTo("rw-------");
    }
}
