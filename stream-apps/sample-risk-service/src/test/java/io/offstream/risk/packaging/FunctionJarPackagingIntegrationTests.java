package io.offstream.risk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The function jar the service consumer loads (catalogue entry schemas/services/risk) holds the
 * service and its own dependencies, and nothing the consumer host provides: a second Spring, Avro
 * or generated Transaction class in it would be shadowed by the host's anyway (parent-first), or
 * worse, split a type in two.
 */
class FunctionJarPackagingIntegrationTests {

    private static final Path JAR = Path.of("target", "offstream-sample-risk-service-function.jar");

    @Test
    void holdsTheServiceItsAutoConfigurationAndItsOwnDependencies() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("io/offstream/risk/RiskScorer.class")).isNotNull();
            assertThat(jar.getEntry("io/offstream/risk/config/RiskServiceAutoConfiguration.class")).isNotNull();
            ZipEntry imports = jar.getEntry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            assertThat(new String(jar.getInputStream(imports).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("io.offstream.risk.config.RiskServiceAutoConfiguration");
            assertThat(jar.getEntry("com/zaxxer/hikari/HikariDataSource.class")).isNotNull();
            assertThat(jar.getEntry("org/h2/Driver.class")).isNotNull();
            assertThat(jar.getEntry("com/github/benmanes/caffeine/cache/Caffeine.class")).isNotNull();
            ZipEntry drivers = jar.getEntry("META-INF/services/java.sql.Driver");
            assertThat(new String(jar.getInputStream(drivers).readAllBytes(), StandardCharsets.UTF_8)).contains("org.h2.Driver");
        }
    }

    @Test
    void leavesOutWhatTheConsumerHostProvides() throws IOException {
        List<String> hostPackages = List.of("org/springframework/", "org/apache/avro/", "com/fasterxml/jackson/",
                "io/offstream/schemas/", "org/slf4j/", "jakarta/validation/", "io/micrometer/", "org/apache/commons/");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> leaked = jar.stream().map(ZipEntry::getName)
                    .filter(name -> hostPackages.stream().anyMatch(name::startsWith)).toList();
            assertThat(leaked).isEmpty();
        }
    }
}
