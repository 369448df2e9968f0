/**
 * Kafka for tests, in one place: every module's tests that need a broker use this package.
 *
 * <ul>
 *   <li>{@link io.offstream.testsupport.kafka.KafkaBrokerExtension}: {@code @ExtendWith} it and take a
 *       {@link io.offstream.testsupport.kafka.KafkaTopics} (or the {@code KraftBroker}) as a parameter of a test,
 *       {@code @BeforeEach} or {@code @BeforeAll} method. One in-process KRaft broker per test JVM (127.0.0.1,
 *       free ports, a temporary data directory), shared by every class; tests keep to topics of their own.</li>
 *   <li>{@link io.offstream.testsupport.kafka.KafkaTopics}: create, produce, read at least N / to the end / for a
 *       while, end offsets (also read_committed), commit and read a group's offsets. Works on any broker, e.g.
 *       {@code new KafkaTopics(platform.kafka().bootstrapServers())} for the local platform's broker process.</li>
 *   <li>{@link io.offstream.testsupport.kafka.KafkaTestBrokers}: a broker of the test's own, for tests that stop,
 *       restart or kill it.</li>
 * </ul>
 *
 * A module using the extension or {@code KafkaTestBrokers} declares {@code offstream-kafka-broker} in test scope
 * (test-support has it as an optional dependency); {@code KafkaTopics} alone needs only {@code kafka-clients}.
 * Tests that start a broker are {@code *IntegrationTests}, run by failsafe in {@code verify}.
 */
package io.offstream.testsupport.kafka;
