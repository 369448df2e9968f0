package io.offstream.consumer.app.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.offstream.consumer.app.support.GreeterJar;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Loading a service's function from its jar, in both forms of {@code invoke.function}, without the
 * jar on the consumer's classpath; and the sample risk service's real function jar, when built.
 */
class FunctionLoaderTests {

    /** Built by ./mvnw package in stream-apps/sample-risk-service; tests run in this module's folder. */
    private static final Path RISK_JAR = Path.of("../sample-risk-service/target/offstream-sample-risk-service-function.jar");

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
        host.refresh();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void aFunctionClassIsInstantiatedFromTheJarInItsOwnClassLoaderOverTheConsumers() throws Exception {
        try (HostedFunction greeter = new FunctionLoader(host).load("com.example.greet.Greeter", greeterJar.toUri())) {
            GenericRecord reply = (GenericRecord) greeter.asRecordFunction().apply(greeting("Ada", "12.30"));

            assertThat(reply.get("text")).hasToString("hello Ada");
            assertThat(reply.get("doubled")).isEqualTo(new BigDecimal("24.60"));
            assertThat(greeter.classLoader().getParent()).isSameAs(host.getClassLoader());
            // the jar's own classes are its alone; Avro is the consumer's
            assertThat(greeter.classLoader().loadClass("com.example.greet.Replies").getClassLoader()).isSameAs(greeter.classLoader());
            assertThatThrownBy(() -> Class.forName("com.example.greet.Replies", false, host.getClassLoader()))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(greeter.classLoader().loadClass(GenericRecord.class.getName())).isSameAs(GenericRecord.class);
        }
    }

    @Test
    void aBeanOfTheJarsAutoConfigurationsIsCreatedInAChildContextWithTheConsumersProperties() {
        try (HostedFunction greeter = new FunctionLoader(host).load("greeter", greeterJar.toUri())) {
            GenericRecord reply = (GenericRecord) greeter.asRecordFunction().apply(greeting("Ada", "1.00"));

            assertThat(reply.get("text")).hasToString("bonjour Ada");
            assertThat(host.containsBean("greeter")).as("the consumer does not see the jar's beans").isFalse();
        }
    }

    @Test
    void aNameThatIsNeitherAClassNorABeanOfTheJarIsNamedWithWhatTheJarHas() {
        assertThatThrownBy(() -> new FunctionLoader(host).load("welcomer", greeterJar.toUri()))
                .isInstanceOf(FunctionJarException.class)
                .hasMessageContaining("invoke.function welcomer is neither a class in")
                .hasMessageContaining("Function beans there: [greeter]");
        assertThatThrownBy(() -> new FunctionLoader(host).load("com.example.greet.Replies", greeterJar.toUri()))
                .isInstanceOf(FunctionJarException.class).hasMessageContaining("not a java.util.function.Function");
        assertThatThrownBy(() -> new FunctionLoader(host).load("greeter", dir.resolve("missing.jar").toUri()))
                .isInstanceOf(FunctionJarException.class).hasMessageContaining("missing.jar").hasMessageContaining("does not exist");
    }

    @Test
    void aFunctionThatDeclaresAnotherRequestTypeIsRefusedAtStart() {
        try (HostedFunction echo = new FunctionLoader(host).load("com.example.greet.TransactionEcho", greeterJar.toUri())) {
            echo.requireAccepts(Transaction.class, "Transaction v1");
            assertThatThrownBy(() -> echo.requireAccepts(GenericData.Record.class, "Greeting v1"))
                    .isInstanceOf(FunctionJarException.class)
                    .hasMessageContaining("takes io.offstream.schemas.sample.Transaction, but requests (Greeting v1) decode to");
        }
        try (HostedFunction greeter = new FunctionLoader(host).load("greeter", greeterJar.toUri())) {
            greeter.requireAccepts(GenericData.Record.class, "Greeting v1");
        }
    }

    @Test
    void aResultThatIsNoAvroRecordFailsTheCall() {
        try (HostedFunction shouter = new FunctionLoader(host).load("com.example.greet.Shouter", greeterJar.toUri())) {
            assertThatThrownBy(() -> shouter.asRecordFunction().apply(greeting("Ada", "1.00")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned a java.lang.String");
        }
    }

    @Test
    void closingUnloadsTheJar() {
        HostedFunction greeter = new FunctionLoader(host).load("greeter", greeterJar.toUri());
        ClassLoader jar = greeter.classLoader();
        greeter.close();
        assertThatThrownBy(() -> jar.loadClass("com.example.greet.Shouter")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theSampleRiskFunctionJarScoresWithTheConsumersGeneratedClassesAndProperties() {
        assumeTrue(Files.isRegularFile(RISK_JAR), "the risk function jar is built by stream-apps/sample-risk-service");
        try (HostedFunction risk = new FunctionLoader(host).load("riskService", RISK_JAR.toAbsolutePath().toUri())) {
            risk.requireAccepts(Transaction.class, "Transaction v1");
            Transaction transaction = Transaction.newBuilder().setTxnId("t-1").setBuyerId("b-1").setSellerId("s-00042")
                    .setAmountMinor(125_000).setCurrency("EUR").setEventTime(Instant.parse("2024-06-01T03:00:00Z"))
                    .setItemCategory("electronics").setItemTitle("phone").setPaymentMethod("card").setBuyerCountry("DE")
                    .setShippingCountry("FR").build();

            IndexedRecord decision = risk.asRecordFunction().apply(transaction);

            assertThat(decision).isInstanceOf(RiskDecision.class); // the consumer's class: the jar has none of its own
            assertThat(((RiskDecision) decision).getServiceVersion()).isEqualTo("risk-from-the-consumer");
            assertThat(((RiskDecision) decision).getDecision()).isIn("APPROVE", "REVIEW", "DECLINE");
            assertThatThrownBy(() -> risk.requireAccepts(GenericData.Record.class, "Transaction v1"))
                    .isInstanceOf(FunctionJarException.class);
        }
    }

    private static GenericRecord greeting(String name, String amount) {
        GenericRecord greeting = new GenericData.Record(new Schema.Parser().parse(GreeterJar.REQUEST));
        greeting.put("name", name);
        greeting.put("amount", new BigDecimal(amount));
        return greeting;
    }
}
