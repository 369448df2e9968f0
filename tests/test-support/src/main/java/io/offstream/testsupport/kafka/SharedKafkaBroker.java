package io.offstream.testsupport.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;

import io.offstream.kafka.broker.KraftBroker;

/**
 * The one broker a test JVM shares, kept in JUnit's root store: JUnit closes it (and deletes its
 * temporary data directory) when the last test class of the JVM has run.
 */
final class SharedKafkaBroker implements ExtensionContext.Store.CloseableResource {

    private final KraftBroker broker;

    private final KafkaTopics topics;

    private SharedKafkaBroker(KraftBroker broker) {
        this.broker = broker;
        this.topics = new KafkaTopics(broker.bootstrapServers());
    }

    static SharedKafkaBroker start() {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("offstream-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for the shared test broker", e);
        }
        return new SharedKafkaBroker(KafkaTestBrokers.start(dataDirectory));
    }

    KraftBroker broker() {
        return broker;
    }

    KafkaTopics topics() {
        return topics;
    }

    @Override
    public void close() throws IOException {
        broker.close();
        try (Stream<Path> files = Files.walk(broker.dataDirectory())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
