package io.offstream.consumer.app.function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A service's function jar, opened in its own class loader whose parent is the consumer's: classes
 * the consumer has (Spring, Avro, offstream-schemas and the generated records, Jackson, SLF4J,
 * Jakarta Validation, ...) come from the consumer, everything else from the jar. So the jar holds
 * the service and its own dependencies, never a second copy of what the host provides.
 */
final class FunctionJar implements AutoCloseable {

    /** Where a jar lists the Spring Boot auto-configurations that define its beans. */
    static final String AUTO_CONFIGURATION_IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private final Path path;

    private final URLClassLoader classLoader;

    private FunctionJar(Path path, URLClassLoader classLoader) {
        this.path = path;
        this.classLoader = classLoader;
    }

    /**
     * @param jar the jar as an absolute {@code file:} URI
     * @param parent the consumer's class loader
     * @throws FunctionJarException if it is not a local file or does not exist
     */
    static FunctionJar open(URI jar, ClassLoader parent) {
        if (!"file".equals(jar.getScheme())) {
            throw new FunctionJarException("invoke.jar " + jar + " must be a local file (file:); copy the jar to this machine");
        }
        Path path = Path.of(jar).normalize();
        if (!Files.isRegularFile(path)) {
            throw new FunctionJarException("the function jar " + path + " (invoke.jar) does not exist; build or copy it there");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("offstream-function:" + path.getFileName(), new URL[] {path.toUri().toURL()}, parent);
        }
        catch (MalformedURLException e) {
            throw new FunctionJarException("invoke.jar " + jar + " is not a usable URL: " + e.getMessage(), e);
        }
        FunctionJar opened = new FunctionJar(path, loader);
        opened.registerJdbcDrivers();
        return opened;
    }

    Path path() {
        return path;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** The auto-configuration classes the jar itself lists (not those of the consumer's own jars), in file order. */
    List<String> autoConfigurations() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> files = classLoader.findResources(AUTO_CONFIGURATION_IMPORTS);
            while (files.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + AUTO_CONFIGURATION_IMPORTS + " of " + path, e);
        }
        return names;
    }

    /**
     * JDBC drivers in the jar are made known to {@link java.sql.DriverManager}: it looks for drivers
     * once per JVM, with the class loader current at that moment, so it never sees a jar opened
     * later. Loading a driver class registers it (JDBC 4 drivers do so in their static initializer).
     */
    private void registerJdbcDrivers() {
        try {
            ServiceLoader.load(Driver.class, classLoader).stream()
                    .filter(provider -> provider.type().getClassLoader() == classLoader)
                    .forEach(ServiceLoader.Provider::get);
        }
        catch (ServiceConfigurationError e) {
            throw new FunctionJarException("a JDBC driver in " + path + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            classLoader.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot close the class loader of " + path, e);
        }
    }
}
