package io.offstream.consumer.app.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.offstream.consumer.app.support.GreeterJar;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A catalogue entry's {@code invoke.properties} reach its function jar's beans, above every property
 * the consumer has, while the consumer's own environment never sees them; and the repository's
 * {@code risk-candidate} entry runs the risk jar as version 1.1.0 of its rules.
 */
class FunctionJarPropertiesTests {

    /** Built by ./mvnw package in stream-apps/sample-risk-service; tests run in this module's folder. */
    private static final Path RISK_JAR = Path.of("../sample-risk-service/target/offstream-sample-risk-service-function.jar");

    private static final Path CATALOGUE = Path.of("../../schemas/services");

    @TempDir
    static Path dir;

    static Path greeterJar;

    private GenericApplicationContext host;

    @BeforeAll
    static void buildJar() {
        greeterJar = GreeterJar.build(dir);
    }

    @BeforeEach
    void startHost() {
        host = new GenericApplicationContext();
        host.getEnvironment().getPropertySources().addFirst(new MapPropertySource("consumer arguments",
                Map.of("greeter.word", "bonjour", "offstream.risk.service-version", "risk-from-the-consumer")));
        // as in the consumer, a Boot app: its environment carries Boot's view of its sources
        ConfigurationPropertySources.attach(host.getEnvironment());
        host.refresh();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void invokePropertiesReachTheJarsBeansAndNotTheConsumer() {
        try (HostedFunction greeter = new FunctionLoader(host).load("greeter", greeterJar.toUri(), Map.of("greeter.word", "hola"))) {
            GenericRecord reply = (GenericRecord) greeter.asRecordFunction().apply(greeting("Ada"));

            assertThat(reply.get("text")).hasToString("hola Ada");
            assertThat(host.getEnvironment().getProperty("greeter.word")).isEqualTo("bonjour");
            assertThat(host.getEnvironment().getPropertySources().contains(FunctionJarContext.INVOKE_PROPERTIES)).isFalse();
        }
    }

    @Test
    void withoutPropertiesTheJarSharesTheConsumersEnvironment() {
        try (HostedFunction greeter = new FunctionLoader(host).load("greeter", greeterJar.toUri(), Map.of())) {
            assertThat(((GenericRecord) greeter.asRecordFunction().apply(greeting("Ada"))).get("text")).hasToString("bonjour Ada");
        }
    }

    @Test
    void theJarsEnvironmentIsTheConsumersInItsOrderUnderThePropertiesForBindingToo() {
        ConfigurableEnvironment consumer = host.getEnvironment();
        ConfigurableEnvironment jar = FunctionJarContext.environment(consumer, Map.of("greeter.word", "hola", "greeter.extra", "x"));

        List<String> consumerSources = names(consumer);
        List<String> jarSources = names(jar);
        assertThat(consumerSources.get(0)).isEqualTo("configurationProperties");
        assertThat(jarSources.subList(0, 2)).containsExactly("configurationProperties", FunctionJarContext.INVOKE_PROPERTIES);
        assertThat(jarSources.subList(2, jarSources.size())).isEqualTo(consumerSources.subList(1, consumerSources.size()));
        assertThat(jar.getProperty("greeter.word")).isEqualTo("hola");
        assertThat(Binder.get(jar).bind("greeter.word", String.class).get()).isEqualTo("hola");
        assertThat(jar.getProperty("offstream.risk.service-version")).isEqualTo("risk-from-the-consumer");
        assertThat(consumer.getProperty("greeter.extra")).isNull();
        assertThat(Binder.get(consumer).bind("greeter.word", String.class).get()).isEqualTo("bonjour");
    }

    @Test
    void propertiesAreRefusedWhereNoBeanOfTheJarCanTakeThem() {
        assertThatThrownBy(() -> new FunctionLoader(host).load("com.example.greet.Greeter", greeterJar.toUri(), Map.of("a.b", "c")))
                .isInstanceOf(FunctionJarException.class)
                .hasMessageContaining("invoke.function com.example.greet.Greeter is a class in")
                .hasMessageContaining("invoke.properties [a.b] reach only the beans of the jar's auto-configurations");
        assertThatThrownBy(() -> new FunctionLoader(host).load("greeter", null, Map.of("a.b", "c")))
                .isInstanceOf(FunctionJarException.class).hasMessageStartingWith("invoke.properties [a.b] need invoke.jar");
    }

    @Test
    void theRiskCandidateEntryRunsTheRiskJarAsVersion110OfItsRules() {
        assumeTrue(Files.isRegularFile(RISK_JAR), "the risk function jar is built by stream-apps/sample-risk-service");
        ServiceDefinition candidate = ServiceCatalogue.local(CATALOGUE.toAbsolutePath().normalize().toUri()).load("risk-candidate");
        Map<String, String> properties = candidate.descriptor().invoke().properties();
        assertThat(properties).containsEntry("offstream.risk.service-version", "risk-1.1.0");

        int changed = 0;
        try (HostedFunction v100 = new FunctionLoader(host).load("riskService", RISK_JAR.toAbsolutePath().toUri());
                HostedFunction v110 = new FunctionLoader(host).load("riskService", candidate.functionJar(), properties)) {
            for (int n = 0; n < 2000; n++) {
                RiskDecision baseline = (RiskDecision) v100.asRecordFunction().apply(SampleTransactions.transaction(n));
                RiskDecision other = (RiskDecision) v110.asRecordFunction().apply(SampleTransactions.transaction(n));
                assertThat(baseline.getServiceVersion()).isEqualTo("risk-from-the-consumer");
                assertThat(other.getServiceVersion()).isEqualTo("risk-1.1.0");
                assertThat(other.getRiskScore()).isEqualTo(baseline.getRiskScore());
                int score = baseline.getRiskScore();
                if (score >= 250 && score < 300 || score >= 550 && score < 600) {
                    assertThat(other.getDecision()).isNotEqualTo(baseline.getDecision());
                    changed++;
                }
                else {
                    assertThat(other.getDecision()).isEqualTo(baseline.getDecision());
                }
            }
        }
        assertThat(changed).isPositive();
    }

    @Test
    void thresholdsOutOfOrderStopTheRiskJarNamingTheOptions() {
        assumeTrue(Files.isRegularFile(RISK_JAR), "the risk function jar is built by stream-apps/sample-risk-service");
        assertThatThrownBy(() -> new FunctionLoader(host).load("riskService", RISK_JAR.toAbsolutePath().toUri(),
                Map.of("offstream.risk.rules.review-from", "700")))
                .isInstanceOf(FunctionJarException.class)
                .hasMessageContaining("offstream.risk.rules.review-from (700) must not be above offstream.risk.rules.decline-from (600)");
        assertThatThrownBy(() -> new FunctionLoader(host).load("riskService", RISK_JAR.toAbsolutePath().toUri(),
                Map.of("offstream.risk.rules.review-from", "-1")))
                .isInstanceOf(FunctionJarException.class).hasMessageContaining("rules.reviewFrom");
    }

    private static List<String> names(ConfigurableEnvironment environment) {
        List<String> names = new ArrayList<>();
        environment.getPropertySources().stream().map(PropertySource::getName).forEach(names::add);
        return names;
    }

    private static GenericRecord greeting(String name) {
        GenericRecord greeting = new GenericData.Record(new Schema.Parser().parse(GreeterJar.REQUEST));
        greeting.put("name", name);
        greeting.put("amount", new BigDecimal("1.00"));
        return greeting;
    }
}
