package io.offstream.tasks.egress.flink;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import java.net.URI;
import java.nio.file.Path;

/** The catalogue entries the tests land: the repository's sample {@code risk}, and this module's {@code quote}. */
final class TestServices {

    /** The repository's catalogue, as the local platform uses it. */
    static final URI REPOSITORY_CATALOGUE = directory("../../schemas/services");

    /** Services of these tests only: {@code quote} (two-field key, decimals, micros, arrays, nested records, enums). */
    static final URI TEST_CATALOGUE = directory("src/test/resources/services");

    private TestServices() {
    }

    static ServiceDefinition risk() {
        return ServiceCatalogue.local(REPOSITORY_CATALOGUE).load("risk");
    }

    static ServiceDefinition quote() {
        return ServiceCatalogue.local(TEST_CATALOGUE).load("quote");
    }

    private static URI directory(String path) {
        return RunLayout.asDirectory(Path.of(path).toAbsolutePath().normalize().toUri());
    }
}
