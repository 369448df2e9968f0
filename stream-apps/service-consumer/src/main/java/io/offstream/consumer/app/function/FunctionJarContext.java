package io.offstream.consumer.app.function;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The child application context that holds a function jar's beans: its auto-configurations
 * (ordered as Boot orders them, by {@code @AutoConfiguration(before/after)} and
 * {@code @AutoConfigureOrder}) registered over the jar's class loader, with the consumer's context
 * as parent and the consumer's environment as its own. So the service's beans see every property
 * the consumer was started with ({@code offstream.risk.*} and the like) and may use the consumer's
 * beans, while the consumer never sees theirs.
 */
final class FunctionJarContext {

    private FunctionJarContext() {
    }

    static ConfigurableApplicationContext start(ConfigurableApplicationContext host, FunctionJar jar, List<String> autoConfigurations) {
        AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
        child.setId(host.getId() + ":" + jar.path().getFileName());
        child.setParent(host);
        child.setEnvironment(host.getEnvironment());
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
