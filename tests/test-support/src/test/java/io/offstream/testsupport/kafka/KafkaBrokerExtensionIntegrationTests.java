package io.offstream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.kafka.broker.KraftBroker;

/**
 * The shared broker: on the loopback address with its data in a temporary directory, and the same
 * running broker for every test class of the JVM. One instance of this class (PER_CLASS) is the
 * outer instance of its nested class, whose tests JUnit runs after the outer ones.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaBrokerExtensionIntegrationTests {

    private KraftBroker seenByTheOuterClass;

    @Test
    void theBrokerListensOnTheLoopbackAddressAndKeepsItsDataInATemporaryDirectory(KraftBroker broker, KafkaTopics kafka) {
        seenByTheOuterClass = broker;

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.settings().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(broker.dataDirectory().getFileName().toString()).startsWith("offstream-test-kafka-");
        assertThat(kafka.bootstrapServers()).isEqualTo(broker.bootstrapServers());
    }

    @Nested
    class AnotherTestClass {

        @Test
        void getsTheSameRunningBroker(KraftBroker broker) {
            assertThat(seenByTheOuterClass).as("the outer class's test ran first").isNotNull();
            assertThat(broker).isSameAs(seenByTheOuterClass);
            assertThat(broker.isRunning()).isTrue();
        }
    }
}
