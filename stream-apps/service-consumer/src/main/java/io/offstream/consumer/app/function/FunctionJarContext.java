package io.offstream.consumer.app.function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The child application context that holds a function jar's beans: its auto-configurations
 * (ordered as Boot orders them, by {@code @AutoConfiguration(before/after)} and
 * {@code @AutoConfigureOrder}) registered over the jar's class loader, with the consumer's context
 * as parent and the consumer's environment as its own. So the service's beans see every property
 * the consumer was started with ({@code offstream.risk.*} and the like) and may use the consumer's
 * beans, while the consumer never sees theirs. When the catalogue entry has {@code invoke.properties},
 * the jar's context gets an environment of its own instead: the consumer's, with those properties
 * above everything else ({@value #INVOKE_PROPERTIES}); the consumer's environment does not change.
 */
final class FunctionJarContext {

    /** The property source that holds the entry's {@code invoke.properties} in the jar's environment. */
    static final String INVOKE_PROPERTIES = "offstream-invoke-properties";

    private FunctionJarContext() {
    }

    /** @param properties the entry's {@code invoke.properties}; empty when none (the consumer's environment is shared) */
    static ConfigurableApplicationContext start(ConfigurableApplicationContext host, FunctionJar jar, List<String> autoConfigurations,
            Map<String, String> properties) {
        AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
        child.setId(host.getId() + ":" + jar.path().getFileName());
        child.setParent(host);
        child.setEnvironment(properties.isEmpty() ? host.getEnvironment() : environment(host.getEnvironment(), properties));
        child.setClassLoader(jar.classLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Boot's auto-configuration sorter, and libraries the service's beans initialise (JDBC,
        // caches, ...), look classes up through the context class loader
        thread.setContextClassLoader(jar.classLoader());
        try {
            child.register(Configurations.getClasses(AutoConfigurations.of(load(jar, autoConfigurations))));
            child.refresh();
            return child;
        }
        catch (RuntimeException e) {
            child.close();
            throw new FunctionJarException("the beans of " + jar.path().getFileName() + " cannot be created: " + rootMessage(e), e);
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The consumer's property sources, in the consumer's order (not StandardEnvironment's own system
     * sources first), its profiles and conversion service, under {@code properties}.
     */
    static ConfigurableEnvironment environment(ConfigurableEnvironment host, Map<String, String> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.stream().map(PropertySource::getName).toList().forEach(sources::remove);
        environment.merge(host);
        environment.setConversionService(host.getConversionService());
        sources.addFirst(new MapPropertySource(INVOKE_PROPERTIES, new LinkedHashMap<>(properties)));
        // the consumer's Boot environment carries a view of its own sources for binding (Binder.get and
        // the like); merged, it would hide the properties above from it: a view of these sources instead
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static Class<?>[] load(FunctionJar jar, List<String> names) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, jar.classLoader()));
            }
            catch (ClassNotFoundException | LinkageError e) {
                throw new FunctionJarException(jar.path().getFileName() + " lists the auto-configuration " + name + " in "
                        + FunctionJar.AUTO_CONFIGURATION_IMPORTS + ", but it cannot be loaded: " + e, e);
            }
        }
        return classes.toArray(Class<?>[]::new);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
