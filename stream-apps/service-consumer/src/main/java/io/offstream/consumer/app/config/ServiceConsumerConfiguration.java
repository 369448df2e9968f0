package io.offstream.consumer.app.config;

import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.core.avro.RequestDecoder;
import io.offstream.consumer.core.avro.ResultEncoder;
import io.offstream.consumer.core.engine.RecordCodecs;
import io.offstream.consumer.core.engine.ServiceConsumer;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import org.apache.avro.generic.IndexedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the engine for one catalogue entry: loads and checks the entry
 * ({@code offstream.consumer.service} in {@code offstream.services.location}), binds its service
 * ({@link ServiceBinding}), decodes requests by fingerprint with the entry's schema histories, and
 * starts the engine once the context is up; stops it (draining in-flight records, committing) on
 * shutdown, before the service is unloaded.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceConsumerConfiguration.class);

    /** The entry, checked: a bad one stops the start with every problem named on one line. */
    @Bean
    ServiceDefinition serviceDefinition(ServiceConsumerProperties properties, Environment environment) {
        URI location = CatalogueLocation.resolve(environment.getProperty(ServiceCatalogue.LOCATION_OPTION),
                environment.getProperty("offstream.home"));
        ServiceDefinition definition = ServiceCatalogue.at(location).load(properties.service());
        log.info("Serving {} from the catalogue {}: request {}, response {}", definition.name(), location,
                definition.request().current().label(), definition.response().current().label());
        return definition;
    }

    @Bean(destroyMethod = "close")
    ServiceBinding serviceBinding(ServiceDefinition definition, ServiceConsumerProperties properties,
            ConfigurableApplicationContext context) {
        return ServiceBinding.of(definition, properties, context);
    }

    @Bean(destroyMethod = "")
    ServiceConsumer<IndexedRecord, IndexedRecord> serviceConsumer(ServiceDefinition definition, ServiceBinding binding,
            ServiceConsumerProperties properties, MeterRegistry registry) {
        RequestDecoder requests = new RequestDecoder(definition.request(), definition.response(), binding.types());
        binding.requireAccepts(requests.recordType(), definition.request().current().label());
        RecordCodecs<IndexedRecord, IndexedRecord> codecs = RecordCodecs.avro(requests, new ResultEncoder(definition.response()));
        return new ServiceConsumer<>(properties.toSettings(definition.descriptor().consumer()), binding.invoker(), codecs, registry);
    }

    @Bean
    SmartLifecycle serviceConsumerLifecycle(ServiceConsumer<IndexedRecord, IndexedRecord> consumer,
            ServiceConsumerProperties properties, ConfigurableApplicationContext context) {
        if (properties.exitOnFailure()) {
            consumer.onFailure(failure -> {
                // not on the poll thread: closing the context joins it
                Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 1)), "offstream-exit");
                exit.start();
            });
        }
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                consumer.start();
                running = true;
            }

            @Override
            public void stop() {
                consumer.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
