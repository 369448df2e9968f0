package io.offstream.consumer.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds small function jars in tests: Java sources compiled against the consumer's own jars (so
 * the jar, like a real one, leaves out what the host provides), plus resource files. Their classes
 * are on no classpath but the jar's.
 */
public final class FunctionJars {

    private FunctionJars() {
    }

    /**
     * @param jar where to write the jar
     * @param sources class name to Java source
     * @param resources path in the jar to text
     * @param compileAgainst classes whose jars the sources compile against (Avro, Spring, ...)
     */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources, Class<?>... compileAgainst) {
        try {
            Path classes = Files.createTempDirectory(jar.getParent(), "classes");
            compile(sources, classes, compileAgainst);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    add(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            return jar;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(Map<String, String> sources, Path classes, Class<?>... compileAgainst) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        Set<String> classpath = new LinkedHashSet<>();
        for (Class<?> type : compileAgainst) {
            classpath.add(location(type));
        }
        List<String> options = List.of("-classpath", String.join(java.io.File.pathSeparator, classpath), "-d", classes.toString(),
                "--release", "17", "-proc:none", "-nowarn");
        StringBuilder diagnostics = new StringBuilder();
        boolean ok = compiler.getTask(null, null, d -> diagnostics.append(d).append('\n'), options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("The test function sources do not compile:\n" + diagnostics);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
