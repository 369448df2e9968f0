package io.offstream.consumer.app.config;

import io.offstream.consumer.app.function.FunctionLoader;
import io.offstream.consumer.app.function.HostedFunction;
import io.offstream.consumer.core.invoke.FunctionServiceInvoker;
import io.offstream.consumer.core.invoke.HttpServiceInvoker;
import io.offstream.consumer.core.invoke.ServiceInvoker;
import io.offstream.contract.service.Invoke;
import io.offstream.contract.service.ServiceDefinition;
import org.apache.avro.generic.IndexedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the consumer reaches a catalogue entry's service, as its {@code invoke} says: in process (the
 * function from its jar, on a worker pool) or over HTTP (plain JSON). Also the class loader requests
 * decode with, so they arrive as the function's own generated classes. Closing it unloads the
 * function; the invoker itself is closed by the engine.
 *
 * @param invoker calls the service
 * @param types where generated request classes are looked up: the function's class loader, else the consumer's
 * @param function the in-process function; null in HTTP mode
 */
record ServiceBinding(ServiceInvoker<IndexedRecord, IndexedRecord> invoker, ClassLoader types, HostedFunction function)
        implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceBinding.class);

    static ServiceBinding of(ServiceDefinition definition, ServiceConsumerProperties properties, ConfigurableApplicationContext host) {
        Invoke invoke = definition.descriptor().invoke();
        if (invoke.remote()) {
            log.info("Service {} is called over HTTP at {} (timeout {})", definition.name(), invoke.url(), invoke.timeout());
            return new ServiceBinding(new HttpServiceInvoker(invoke.url(), invoke.timeout(), definition.responseSchema()),
                    host.getClassLoader(), null);
        }
        HostedFunction function = new FunctionLoader(host).load(invoke.function(), definition.functionJar(), invoke.properties());
        int workers = properties.effectiveWorkers(definition.descriptor().consumer());
        log.info("Service {} is hosted in process: function {} from {} on {} workers{}", definition.name(), invoke.function(),
                definition.functionJar() == null ? "the consumer's classpath" : definition.functionJar(), workers,
                invoke.properties().isEmpty() ? "" : ", with its own properties " + invoke.properties().keySet());
        return new ServiceBinding(new FunctionServiceInvoker<>(function.asRecordFunction(), workers), function.classLoader(), function);
    }

    /** Refuses, at start, a function whose declared request type does not take what requests decode to. */
    void requireAccepts(Class<?> decodedType, String request) {
        if (function != null) {
            function.requireAccepts(decodedType, request);
        }
    }

    @Override
    public void close() {
        if (function != null) {
            function.close();
        }
    }
}
