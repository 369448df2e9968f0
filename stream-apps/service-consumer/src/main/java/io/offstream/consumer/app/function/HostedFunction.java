package io.offstream.consumer.app.function;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.generic.IndexedRecord;

/**
 * The service's function as the consumer calls it: run with the function's class loader as the
 * thread's context class loader (libraries that look classes up through it find the jar's), its
 * result checked to be an Avro record. Closing it closes what loading it opened (the child
 * context, then the jar's class loader), in reverse order.
 */
public final class HostedFunction implements AutoCloseable {

    private final String name;

    private final Function<Object, Object> function;

    private final ClassLoader classLoader;

    private final Class<?> inputType;

    private final List<AutoCloseable> resources;

    /**
     * @param name the function's name in the descriptor, for messages
     * @param function the function itself
     * @param classLoader where its classes come from: requests decode into generated classes it can load
     * @param inputType the request type it declares, or null when it cannot be told (e.g. a lambda)
     * @param resources what to close with it, in the order it was opened
     */
    HostedFunction(String name, Function<Object, Object> function, ClassLoader classLoader, Class<?> inputType,
            List<AutoCloseable> resources) {
        this.name = name;
        this.function = function;
        this.classLoader = classLoader;
        this.inputType = inputType;
        this.resources = List.copyOf(resources);
    }

    public String name() {
        return name;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Refuses, at start, a function whose declared request type cannot take what requests decode to
     * (else every record would fail with a ClassCastException and be dead-lettered).
     *
     * @param decodedType what requests decode to: a generated class, or {@code GenericData.Record}
     * @param request the request record's name and version, for the message
     */
    public void requireAccepts(Class<?> decodedType, String request) {
        if (inputType != null && !inputType.isAssignableFrom(decodedType)) {
            throw new FunctionJarException("function " + name + " takes " + inputType.getName() + ", but requests ("
                    + request + ") decode to " + decodedType.getName() + "; declare Function<" + decodedType.getSimpleName()
                    + ", ...> or Function<GenericRecord, ...>");
        }
    }

    /** The function as the engine calls it. */
    public Function<IndexedRecord, IndexedRecord> asRecordFunction() {
        return request -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader);
            Object result;
            try {
                result = function.apply(request);
            }
            finally {
                thread.setContextClassLoader(previous);
            }
            if (result instanceof IndexedRecord record) {
                return record;
            }
            throw new IllegalStateException("function " + name + " returned " + (result == null ? "null"
                    : "a " + result.getClass().getName()) + ", not an Avro record of the response");
        };
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        RuntimeException failure = null;
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            }
            catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing function " + name + " failed", e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
