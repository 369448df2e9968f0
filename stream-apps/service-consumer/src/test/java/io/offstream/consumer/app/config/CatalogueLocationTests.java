package io.offstream.consumer.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CatalogueLocationTests {

    @Test
    void theOptionWinsAsAUriOrAPath() {
        assertThat(CatalogueLocation.resolve("hdfs://nn:8020/catalogue", "/opt/offstream")).isEqualTo(URI.create("hdfs://nn:8020/catalogue/"));
        assertThat(CatalogueLocation.resolve("file:///srv/services/", null)).isEqualTo(URI.create("file:///srv/services/"));
        assertThat(CatalogueLocation.resolve("/srv/services", null)).isEqualTo(URI.create("file:///srv/services/"));
    }

    @Test
    void withoutItTheCatalogueIsUnderOffstreamHomeElseTheWorkingDirectory() {
        assertThat(CatalogueLocation.resolve(null, "/opt/offstream")).isEqualTo(URI.create("file:///opt/offstream/schemas/services/"));
        assertThat(CatalogueLocation.resolve(" ", "")).isEqualTo(URI.create(Path.of("schemas", "services").toAbsolutePath().toUri() + "/"));
    }
}
