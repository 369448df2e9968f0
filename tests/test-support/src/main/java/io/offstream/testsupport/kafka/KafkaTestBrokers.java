package io.offstream.testsupport.kafka;

import java.nio.file.Path;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;

/**
 * How tests start the repo's in-process KRaft broker: on 127.0.0.1, free client and controller
 * ports, data in the given directory. The shared broker of {@link KafkaBrokerExtension} is started
 * this way; a test that must restart, kill or inspect a broker starts its own the same way.
 */
public final class KafkaTestBrokers {

    private KafkaTestBrokers() {
    }

    /** The settings of a test broker, to change before starting (e.g. partitions, broker properties). */
    public static KraftBrokerSettings.Builder settings(Path dataDirectory) {
        return KraftBrokerSettings.builder(dataDirectory).bindAddress("127.0.0.1").freePorts();
    }

    /** Starts a broker of the test's own; the caller closes it. */
    public static KraftBroker start(Path dataDirectory) {
        return new KraftBroker(settings(dataDirectory).build()).start();
    }
}
