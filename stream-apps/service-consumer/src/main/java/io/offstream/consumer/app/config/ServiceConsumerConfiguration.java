package io.offstream.consumer.app.config;

import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.app.binding.BinderRecordSink;
import io.offstream.consumer.app.binding.IngressContainer;
import io.offstream.consumer.core.avro.RequestDecoder;
import io.offstream.consumer.core.avro.ResultEncoder;
import io.offstream.consumer.core.engine.RecordCodecs;
import io.offstream.consumer.core.engine.ServicePipeline;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import org.apache.avro.generic.IndexedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service side: loads and checks the catalogue entry ({@code offstream.consumer.service} in
 * {@code offstream.services.location}), binds its service ({@link ServiceBinding}), and builds the
 * pipeline that calls it for every record the {@code ingress} binding delivers, with the entry's
 * schema histories and limits. The binder side is {@link ConsumerBindingConfiguration}.
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

    /** Closed after the bindings stopped (it drained before them) and before the service is unloaded. */
    @Bean(destroyMethod = "close")
    ServicePipeline<IndexedRecord, IndexedRecord> servicePipeline(ServiceDefinition definition, ServiceBinding binding,
            ServiceConsumerProperties properties, BinderRecordSink sink, IngressContainer ingress, MeterRegistry registry) {
        RequestDecoder requests = new RequestDecoder(definition.request(), definition.response(), binding.types());
        binding.requireAccepts(requests.recordType(), definition.request().current().label());
        RecordCodecs<IndexedRecord, IndexedRecord> codecs = RecordCodecs.avro(requests, new ResultEncoder(definition.response()));
        return new ServicePipeline<>(properties.toSettings(definition.descriptor().consumer()), binding.invoker(), codecs,
                sink, ingress, registry);
    }
}
