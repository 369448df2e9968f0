package io.offstream.consumer.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes catalogue entries (service.yaml, request/v1.avsc, response/v1.avsc) into a folder, as a team onboarding a service would. */
public final class TestCatalogue {

    private final Path root;

    public TestCatalogue(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** An entry for the greeter jar's service. */
    public TestCatalogue greeter(String service, String invoke, String consumer) {
        return entry(service, """
                name: %s
                key: [name]
                invoke: %s
                consumer: %s
                """.formatted(service, invoke, consumer), GreeterJar.REQUEST, GreeterJar.RESPONSE);
    }

    public TestCatalogue entry(String service, String descriptor, String request, String response) {
        try {
            Path folder = Files.createDirectories(root.resolve(service));
            Files.writeString(folder.resolve("service.yaml"), descriptor);
            Files.writeString(Files.createDirectories(folder.resolve("request")).resolve("v1.avsc"), request);
            Files.writeString(Files.createDirectories(folder.resolve("response")).resolve("v1.avsc"), response);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
