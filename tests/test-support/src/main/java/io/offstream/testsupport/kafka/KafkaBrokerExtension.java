package io.offstream.testsupport.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.offstream.kafka.broker.KraftBroker;

/**
 * Gives tests a real Kafka broker: parameters of type {@link KafkaTopics} (the usual) or
 * {@link KraftBroker} resolve to ONE in-process KRaft broker per test JVM, started on first use
 * and shared by every test class of that JVM (so each class pays no broker start). Tests sharing
 * it keep to topics and groups of their own, e.g. through {@link KafkaTopics#uniqueName}.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class DrainIntegrationTests {
 *     @Test
 *     void drains(KafkaTopics kafka) { String topic = kafka.create(kafka.uniqueName("ingress"), 3); ... }
 * }
 * }</pre>
 *
 * Do not close the injected broker; a test that must stop or restart one starts its own with
 * {@link KafkaTestBrokers#start}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaTopics.class || type == KraftBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedKafkaBroker shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedKafkaBroker.class, type -> SharedKafkaBroker.start(), SharedKafkaBroker.class);
        return parameter.getParameter().getType() == KraftBroker.class ? shared.broker() : shared.topics();
    }
}
