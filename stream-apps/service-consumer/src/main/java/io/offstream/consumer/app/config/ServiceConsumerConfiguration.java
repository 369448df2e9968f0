package io.offstream.consumer.app.config;

import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.offstream.consumer.core.engine.RecordCodecs;
import io.offstream.consumer.core.engine.ServiceConsumer;
import io.offstream.consumer.core.invoke.FunctionServiceInvoker;
import io.offstream.consumer.core.invoke.HttpServiceInvoker;
import io.offstream.consumer.core.invoke.ServiceInvoker;
import io.offstream.schemas.codec.HistorySchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the engine from {@link ServiceConsumerProperties}: the invoker (the service bean on a
 * worker pool, or its HTTP endpoint), the Avro codecs by fingerprint, Boot's meter registry; and
 * starts it once the context is up, stops it (draining in-flight records, committing) on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceConsumerConfiguration {

    @Bean(destroyMethod = "")
    ServiceConsumer<SpecificRecord, SpecificRecord> serviceConsumer(ServiceConsumerProperties properties,
            BeanFactory beans, MeterRegistry registry) {
        Class<SpecificRecord> requestType = recordClass(properties.requestType());
        Class<SpecificRecord> resultType = recordClass(properties.resultType());
        ServiceInvoker<SpecificRecord, SpecificRecord> invoker = switch (properties.mode()) {
            case IN_PROCESS -> new FunctionServiceInvoker<>(serviceBean(beans, properties.serviceBean()),
                    properties.effectiveWorkers());
            case REMOTE -> new HttpServiceInvoker<>(properties.remote().url(), properties.remote().timeout(),
                    requestType, resultType);
        };
        RecordCodecs<SpecificRecord, SpecificRecord> codecs = RecordCodecs.avro(requestType, resultType,
                HistorySchemaStore.fromClasspath());
        return new ServiceConsumer<>(properties.toSettings(), invoker, codecs, registry);
    }

    @Bean
    SmartLifecycle serviceConsumerLifecycle(ServiceConsumer<SpecificRecord, SpecificRecord> consumer,
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

    @SuppressWarnings("unchecked")
    private static Function<SpecificRecord, SpecificRecord> serviceBean(BeanFactory beans, String name) {
        Object bean = beans.getBean(name);
        if (!(bean instanceof Function<?, ?> function)) {
            throw new IllegalStateException("offstream.consumer.service-bean '" + name + "' is a "
                    + bean.getClass().getName() + ", not a java.util.function.Function");
        }
        return (Function<SpecificRecord, SpecificRecord>) function;
    }

    @SuppressWarnings("unchecked")
    private static Class<SpecificRecord> recordClass(String name) {
        try {
            Class<?> type = Class.forName(name, true, ServiceConsumerConfiguration.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new IllegalStateException(name + " is not a generated Avro record class");
            }
            return (Class<SpecificRecord>) type;
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("Record class " + name + " is not on the classpath", e);
        }
    }
}
