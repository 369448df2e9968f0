package io.offstream.consumer.app.function;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Loads the function a catalogue entry names ({@code invoke.function}, {@code invoke.jar}) without
 * rebuilding the consumer. {@code invoke.function} is either
 * <ol>
 *   <li>the class name of a {@link Function} with a public no-argument constructor, in the jar;
 *       or, when no such class is there,</li>
 *   <li>the name of a {@link Function} bean defined by the jar's Spring Boot auto-configurations
 *       (listed in its {@value FunctionJar#AUTO_CONFIGURATION_IMPORTS}), created in a child context
 *       of the consumer's ({@link FunctionJarContext}).</li>
 * </ol>
 * Without {@code invoke.jar} the same two forms are looked up on the consumer's own classpath and in
 * its own context (a consumer built with the service on its classpath). {@code invoke.properties}
 * reach the beans of the jar's context only: a function class, or a function without a jar, cannot
 * take them and is refused rather than run without them.
 */
public final class FunctionLoader {

    private static final Pattern CLASS_NAME = Pattern.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)+"
            + "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private final ConfigurableApplicationContext host;

    /** @param host the consumer's context: parent of the jar's context, its class loader the parent of the jar's */
    public FunctionLoader(ConfigurableApplicationContext host) {
        this.host = host;
    }

    /**
     * @param name {@code invoke.function}
     * @param jar {@code invoke.jar} as an absolute URI, or null when the function is on the consumer's classpath
     * @throws FunctionJarException naming what is missing or wrong
     */
    public HostedFunction load(String name, URI jar) {
        return load(name, jar, Map.of());
    }

    /**
     * @param name {@code invoke.function}
     * @param jar {@code invoke.jar} as an absolute URI, or null when the function is on the consumer's classpath
     * @param properties {@code invoke.properties}: given to the jar's beans only, above every other property
     * @throws FunctionJarException naming what is missing or wrong
     */
    public HostedFunction load(String name, URI jar, Map<String, String> properties) {
        if (jar == null) {
            if (!properties.isEmpty()) {
                throw new FunctionJarException("invoke.properties " + properties.keySet() + " need invoke.jar: they are given to"
                        + " the beans of the function's jar, and without one invoke.function " + name + " is the consumer's own");
            }
            return fromConsumer(name);
        }
        FunctionJar opened = FunctionJar.open(jar, host.getClassLoader());
        try {
            return fromJar(name, opened, properties);
        }
        catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private HostedFunction fromJar(String name, FunctionJar jar, Map<String, String> properties) {
        Class<?> type = functionClass(name, jar.classLoader());
        if (type != null) {
            if (!properties.isEmpty()) {
                throw new FunctionJarException("invoke.function " + name + " is a class in " + jar.path() + ", created without an"
                        + " environment: invoke.properties " + properties.keySet() + " reach only the beans of the jar's"
                        + " auto-configurations; name such a bean as invoke.function");
            }
            return new HostedFunction(name, instantiate(type), jar.classLoader(), inputType(ResolvableType.forClass(type)),
                    List.of(jar));
        }
        List<String> autoConfigurations = jar.autoConfigurations();
        if (autoConfigurations.isEmpty()) {
            throw new FunctionJarException("invoke.function " + name + " is neither a class in " + jar.path()
                    + " nor can it be a bean: the jar lists no auto-configurations in " + FunctionJar.AUTO_CONFIGURATION_IMPORTS);
        }
        ConfigurableApplicationContext context = FunctionJarContext.start(host, jar, autoConfigurations, properties);
        try {
            if (!context.getBeanFactory().containsBeanDefinition(name)) {
                throw new FunctionJarException("invoke.function " + name + " is neither a class in " + jar.path()
                        + " nor a bean its auto-configurations " + autoConfigurations + " define (Function beans there: "
                        + Arrays.toString(context.getBeanFactory().getBeanNamesForType(Function.class)) + ")");
            }
            Object bean = context.getBean(name);
            List<AutoCloseable> resources = new ArrayList<>(List.of(jar, context));
            return new HostedFunction(name, function(name, bean), jar.classLoader(), beanInputType(context, name, bean), resources);
        }
        catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private HostedFunction fromConsumer(String name) {
        ClassLoader classLoader = host.getClassLoader();
        Class<?> type = functionClass(name, classLoader);
        if (type != null) {
            return new HostedFunction(name, instantiate(type), classLoader, inputType(ResolvableType.forClass(type)), List.of());
        }
        if (!host.getBeanFactory().containsBean(name)) {
            throw new FunctionJarException("invoke.function " + name + " has no invoke.jar and is neither a class nor a bean of"
                    + " the consumer; give the jar that holds it as invoke.jar");
        }
        Object bean = host.getBean(name);
        return new HostedFunction(name, function(name, bean), classLoader, beanInputType(host, name, bean), List.of());
    }

    /** The class of that name if it is one; null when the name is not a class there (then it names a bean). */
    private static Class<?> functionClass(String name, ClassLoader classLoader) {
        if (!CLASS_NAME.matcher(name).matches()) {
            return null;
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, classLoader);
        }
        catch (ClassNotFoundException e) {
            return null;
        }
        catch (LinkageError e) {
            throw new FunctionJarException("the function class " + name + " cannot be loaded: " + e, e);
        }
        if (!Function.class.isAssignableFrom(type)) {
            throw new FunctionJarException("invoke.function " + name + " is a class but not a java.util.function.Function");
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> instantiate(Class<?> type) {
        try {
            return (Function<Object, Object>) type.getConstructor().newInstance();
        }
        catch (NoSuchMethodException e) {
            throw new FunctionJarException("the function class " + type.getName() + " needs a public no-argument constructor", e);
        }
        catch (InvocationTargetException e) {
            throw new FunctionJarException("the function class " + type.getName() + " failed to construct: " + e.getCause(), e);
        }
        catch (ReflectiveOperationException e) {
            throw new FunctionJarException("the function class " + type.getName() + " cannot be instantiated: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(String name, Object bean) {
        if (!(bean instanceof Function<?, ?> function)) {
            throw new FunctionJarException("the bean " + name + " is a " + bean.getClass().getName() + ", not a java.util.function.Function");
        }
        return (Function<Object, Object>) function;
    }

    /** The bean's declared request type: from its class, else from its bean definition (a lambda's factory method). */
    private static Class<?> beanInputType(ConfigurableApplicationContext context, String name, Object bean) {
        Class<?> fromInstance = inputType(ResolvableType.forInstance(bean));
        if (fromInstance != null) {
            return fromInstance;
        }
        BeanDefinition definition = context.getBeanFactory().getMergedBeanDefinition(name);
        return definition instanceof RootBeanDefinition root ? inputType(root.getResolvableType()) : null;
    }

    private static Class<?> inputType(ResolvableType type) {
        Class<?> input = type.as(Function.class).getGeneric(0).resolve();
        return input == Object.class ? null : input;
    }
}
