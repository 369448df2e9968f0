package io.offstream.consumer.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.offstream.consumer.app.support.GreeterJar;
import io.offstream.consumer.app.support.TestCatalogue;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A catalogue entry's invoke.properties reach its function's beans through the binding the consumer starts with. */
class ServiceBindingTests {

    @TempDir
    Path dir;

    @Test
    void anEntrysInvokePropertiesReachItsFunctionAndOnlyIt() throws Exception {
        Path jar = GreeterJar.build(dir);
        TestCatalogue catalogue = new TestCatalogue(dir.resolve("services"))
                .greeter("greet", "{function: greeter, jar: " + jar.toUri() + "}", "{max-in-flight: 2}")
                .greeter("greet-candidate", "{function: greeter, jar: " + jar.toUri() + ", properties: {greeter.word: hola}}",
                        "{max-in-flight: 2}");
        ServiceCatalogue services = ServiceCatalogue.local(catalogue.root().toUri());
        ServiceConsumerProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("offstream.consumer", ServiceConsumerProperties.class);
        try (GenericApplicationContext host = new GenericApplicationContext()) {
            host.getEnvironment().getPropertySources().addFirst(new MapPropertySource("consumer arguments",
                    Map.of("greeter.word", "bonjour")));
            host.refresh();

            assertThat(reply(services.load("greet"), properties, host)).isEqualTo("bonjour Ada");
            assertThat(reply(services.load("greet-candidate"), properties, host)).isEqualTo("hola Ada");
            assertThat(host.getEnvironment().getProperty("greeter.word")).isEqualTo("bonjour");
        }
    }

    private static String reply(ServiceDefinition definition, ServiceConsumerProperties properties, GenericApplicationContext host)
            throws Exception {
        try (ServiceBinding binding = ServiceBinding.of(definition, properties, host)) {
            GenericRecord greeting = new GenericData.Record(new Schema.Parser().parse(GreeterJar.REQUEST));
            greeting.put("name", "Ada");
            greeting.put("amount", new BigDecimal("1.00"));
            try {
                IndexedRecord reply = binding.invoker().invoke(greeting).get(30, TimeUnit.SECONDS);
                return String.valueOf(((GenericRecord) reply).get("text"));
            }
            finally {
                binding.invoker().close();
            }
        }
    }
}
